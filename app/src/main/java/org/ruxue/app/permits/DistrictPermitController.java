package org.ruxue.app.permits;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.tables.Column;
import org.ruxue.app.tables.TableQuery;
import org.ruxue.app.tables.Tables;
import org.ruxue.app.zoning.District;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The district officer's review (R-P7, R-P15): the queue with names masked, an
 * application with a check per document, asking for more material, approve, reject,
 * revoke; the district's documents and publication day. Every read is on the record.
 */
@Controller
class DistrictPermitController {

	private final PermitApplications applications;

	private final PermitSettings settings;

	private final PermitPages pages;

	private final Tables tables;

	DistrictPermitController(PermitApplications applications, PermitSettings settings, PermitPages pages,
			Tables tables) {
		this.applications = applications;
		this.settings = settings;
		this.pages = pages;
		this.tables = tables;
	}

	/**
	 * The queue's columns (issue 12): sorted, filtered and downloaded by the staff table.
	 */
	static final List<Column<PermitApplications.QueueLine>> COLUMNS = List.of(
			Column.text("number", "permits.field.number", PermitApplications.QueueLine::number),
			Column.text("name", "permits.field.childName", PermitApplications.QueueLine::maskedName),
			Column.message("status", "permits.field.status", line -> line.status().messageKey()),
			Column.time("submitted", "permits.field.submittedAt", PermitApplications.QueueLine::submittedAt),
			Column.time("due", "permits.queue.due", PermitApplications.QueueLine::requestDueOn));

	@GetMapping("/district/permits")
	ModelAndView queue(@RequestParam(required = false) String district, @RequestParam(required = false) String status,
			TableQuery table, @AuthenticationPrincipal SignedIn officer, Model model) {
		District d = districtOf(officer, district);
		int year = year();
		ApplicationStatus filter = parse(status);
		model.addAttribute("district", d);
		model.addAttribute("districts", (officer.role() == Role.CITY_ADMIN) ? pages.allDistricts() : List.of(d));
		model.addAttribute("year", year);
		model.addAttribute("status", filter);
		model.addAttribute("statuses",
				List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.MORE_REQUESTED, ApplicationStatus.APPROVED,
						ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN, ApplicationStatus.REVOKED));
		model.addAttribute("publishesOn", applications.publicationDay(d.code(), year).orElse(null));
		return tables.show("permits/queue", "permits-" + d.code() + "-" + year,
				applications.queue(d.code(), year, filter, officer), COLUMNS, table, model);
	}

	@GetMapping("/district/permits/{id}")
	String review(@PathVariable String id, @AuthenticationPrincipal SignedIn officer, Model model) {
		PermitApplication a = FamilyPermitController
			.found(() -> applications.open(PermitPages.id(id), "district review", officer));
		return page(a, Map.of(), officer, model);
	}

	@PostMapping("/district/permits/{id}/check")
	String check(@PathVariable String id, @RequestParam(defaultValue = "-1") int version,
			@RequestParam(defaultValue = "0") int document, @RequestParam(required = false) String result,
			@RequestParam(required = false) String note, @AuthenticationPrincipal SignedIn officer, Model model) {
		PermitApplicationId applicationId = PermitPages.id(id);
		FamilyPermitController.found(() -> applications.open(applicationId, "district review", officer));
		try {
			applications.checkDocument(applicationId, version, document, check(result), note, officer);
			return "redirect:/district/permits/" + id + "#document-" + document;
		}
		catch (PermitRefused refused) {
			return page(applications.open(applicationId, "district review", officer),
					Map.of("document" + document, String.join(" ", pages.messages(refused.problems()).values())),
					officer, model);
		}
	}

	@PostMapping("/district/permits/{id}/{decision}")
	String decide(@PathVariable String id, @PathVariable String decision,
			@RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String note, @RequestParam(required = false) String dueOn,
			@AuthenticationPrincipal SignedIn officer, Model model, RedirectAttributes redirect) {
		PermitApplicationId applicationId = PermitPages.id(id);
		FamilyPermitController.found(() -> applications.open(applicationId, "district review", officer));
		try {
			switch (decision) {
				case "more" -> applications.requestMore(applicationId, version, note, dueOn, officer);
				case "approve" -> applications.approve(applicationId, version, officer);
				case "reject" -> applications.reject(applicationId, version, reason, officer);
				case "revoke" -> applications.revoke(applicationId, version, reason, officer);
				default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("notice", "permits.review.done-" + decision);
			return "redirect:/district/permits/" + id;
		}
		catch (PermitRefused refused) {
			model.addAttribute("reason", reason);
			model.addAttribute("note", note);
			model.addAttribute("dueOn", dueOn);
			return page(applications.open(applicationId, "district review", officer),
					pages.messages(refused.problems()), officer, model);
		}
	}

	@GetMapping("/district/permits/scans/{id}")
	ResponseEntity<byte[]> scan(@PathVariable String id, @AuthenticationPrincipal SignedIn officer) {
		UUID scanId;
		try {
			scanId = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return PermitPages.download(FamilyPermitController.found(() -> applications.scanForDistrict(scanId, officer)));
	}

	/** R-P15: the district's documents of the year and its publication day. */
	@GetMapping("/district/permits/settings")
	String settings(@RequestParam(required = false) String district, @AuthenticationPrincipal SignedIn officer,
			Model model) {
		District d = districtOf(officer, district);
		return settingsPage(d, null, null, Map.of(), model);
	}

	@PostMapping("/district/permits/settings")
	String saveSettings(@RequestParam(required = false) String district,
			@RequestParam(required = false) String documents, @RequestParam(required = false) String publishesOn,
			@AuthenticationPrincipal SignedIn officer, Model model, RedirectAttributes redirect) {
		District d = districtOf(officer, district);
		if (officer.role() != Role.DISTRICT_OFFICER) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		int year = year();
		try {
			if (documents != null) {
				applications.defineDocuments(d.code(), year, documents, officer);
			}
			if (publishesOn != null) {
				applications.setPublicationDay(d.code(), year, publishesOn, officer);
			}
			if (documents == null && publishesOn == null) {
				throw new PermitRefused("form", "permits.error.required");
			}
			redirect.addFlashAttribute("notice", "permits.settings.saved");
			return "redirect:/district/permits/settings";
		}
		catch (PermitRefused refused) {
			return settingsPage(d, documents, publishesOn, pages.messages(refused.problems()), model);
		}
	}

	private String settingsPage(District d, String documents, String publishesOn, Map<String, String> problems,
			Model model) {
		int year = year();
		model.addAttribute("district", d);
		model.addAttribute("year", year);
		PermitSettings.Source source = settings.source(d.code(), year).orElse(null);
		model.addAttribute("sourceCity", source != null && source.city());
		model.addAttribute("sourceFrom", (source != null) ? source.fromYear() : null);
		model.addAttribute("documents",
				(documents != null) ? documents : PermitSettings.describe(settings.documents(d.code(), year)));
		model.addAttribute("publishesOn", (publishesOn != null) ? publishesOn
				: applications.publicationDay(d.code(), year).map(Object::toString).orElse(""));
		model.addAttribute("problems", problems);
		model.addAttribute("editable", true);
		return "permits/settings";
	}

	private String page(PermitApplication a, Map<String, String> problems, SignedIn officer, Model model) {
		model.addAttribute("a", a);
		model.addAttribute("next", applications.nextToReview(a, officer).orElse(null));
		model.addAttribute("districtName", pages.districtName(a.districtCode()));
		model.addAttribute("publishesOn", applications.publicationDay(a.districtCode(), a.year()).orElse(null));
		model.addAttribute("problems", problems);
		model.addAttribute("checks", List.of(DocumentCheck.ACCEPTED, DocumentCheck.INSUFFICIENT));
		return "permits/review";
	}

	private District districtOf(SignedIn officer, String requested) {
		if (officer.role() == Role.DISTRICT_OFFICER) {
			return pages.district(officer.districtCode());
		}
		return pages.district((requested != null) ? requested : "110101");
	}

	private int year() {
		return applications.currentYear().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static ApplicationStatus parse(String status) {
		try {
			return (status == null || status.isBlank()) ? null : ApplicationStatus.valueOf(status);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static DocumentCheck check(String result) {
		try {
			return (result == null) ? null : DocumentCheck.valueOf(result);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
