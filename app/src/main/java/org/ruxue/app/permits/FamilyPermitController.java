package org.ruxue.app.permits;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Supplier;

import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The family's side of the five-certificate review (R-P7, R-P15): choose the reviewing
 * district, fill in each document's details, upload scans, submit, answer a request for
 * more material, read the released decision and the permit number.
 */
@Controller
class FamilyPermitController {

	private final PermitApplications applications;

	private final PermitPages pages;

	FamilyPermitController(PermitApplications applications, PermitPages pages) {
		this.applications = applications;
		this.pages = pages;
	}

	@GetMapping("/permits")
	String entrance(@AuthenticationPrincipal SignedIn who, Model model) {
		Integer year = applications.currentYear().orElse(null);
		boolean family = who != null && who.role() == Role.PARENT;
		model.addAttribute("year", year);
		model.addAttribute("districts", pages.allDistricts());
		model.addAttribute("family", family);
		model.addAttribute("mine", family ? applications.ofFamily(who) : List.of());
		return "permits/entrance";
	}

	@GetMapping("/permits/{district}/apply")
	String applyForm(@PathVariable String district, @AuthenticationPrincipal SignedIn family, Model model) {
		return applyPage(pages.district(district), family.displayName(), "", Map.of(), model);
	}

	@PostMapping("/permits/{district}/apply")
	String apply(@PathVariable String district, @RequestParam(required = false) String childIdNumber,
			@RequestParam(required = false) String childName, @AuthenticationPrincipal SignedIn family, Model model) {
		District chosen = pages.district(district);
		try {
			PermitApplication started = applications.start(chosen.code(), childIdNumber, childName, family);
			return "redirect:/permits/mine/" + started.id();
		}
		catch (PermitRefused refused) {
			return applyPage(chosen, childName, childIdNumber, pages.messages(refused.problems()), model);
		}
	}

	private String applyPage(District district, String childName, String childIdNumber, Map<String, String> problems,
			Model model) {
		Integer year = applications.currentYear().orElse(null);
		model.addAttribute("district", district);
		model.addAttribute("year", year);
		model.addAttribute("documents",
				(year != null) ? applications.requiredDocuments(district.code(), year) : List.of());
		model.addAttribute("publishesOn",
				(year != null) ? applications.publicationDay(district.code(), year).orElse(null) : null);
		model.addAttribute("childName", childName);
		model.addAttribute("childIdNumber", childIdNumber);
		model.addAttribute("problems", problems);
		return "permits/apply";
	}

	@GetMapping("/permits/mine/{id}")
	String application(@PathVariable String id, @AuthenticationPrincipal SignedIn family, Model model) {
		PermitApplication a = found(() -> applications.openForFamily(PermitPages.id(id), family));
		return page(a, Map.of(), Map.of(), model);
	}

	@PostMapping("/permits/mine/{id}/details")
	String details(@PathVariable String id, @RequestParam(defaultValue = "-1") int version,
			@RequestParam Map<String, String> values, @AuthenticationPrincipal SignedIn family, Model model,
			RedirectAttributes redirect) {
		PermitApplicationId applicationId = PermitPages.id(id);
		found(() -> applications.openForFamily(applicationId, family));
		try {
			applications.saveDetails(applicationId, version, values, family);
			redirect.addFlashAttribute("notice", "permits.mine.saved");
			return "redirect:/permits/mine/" + id;
		}
		catch (PermitRefused refused) {
			return page(applications.openForFamily(applicationId, family), values, pages.messages(refused.problems()),
					model);
		}
	}

	@PostMapping("/permits/mine/{id}/scans")
	String upload(@PathVariable String id, @RequestParam(defaultValue = "0") int document,
			@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal SignedIn family, Model model,
			RedirectAttributes redirect) {
		PermitApplicationId applicationId = PermitPages.id(id);
		found(() -> applications.openForFamily(applicationId, family));
		try {
			if (file == null || file.isEmpty()) {
				throw new PermitRefused("file", "permits.scan.empty");
			}
			applications.addScan(applicationId, document, file.getOriginalFilename(), read(file), family);
			redirect.addFlashAttribute("notice", "permits.mine.uploaded");
			return "redirect:/permits/mine/" + id + "#document-" + document;
		}
		catch (PermitRefused refused) {
			Map<String, String> problems = pages.messages(refused.problems());
			String message = String.join(" ", problems.values());
			return page(applications.openForFamily(applicationId, family), Map.of(), Map.of("scan" + document, message),
					model);
		}
	}

	/** Reads at most one byte more than the limit: a larger file is refused unread. */
	private byte[] read(MultipartFile file) {
		try (InputStream in = file.getInputStream()) {
			return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, applications.maxScanBytes() + 1));
		}
		catch (IOException ex) {
			throw new PermitRefused("file", "permits.scan.damaged", "?");
		}
	}

	@PostMapping("/permits/mine/{id}/remove-scan")
	String removeScan(@PathVariable String id, @RequestParam(required = false) String scan,
			@AuthenticationPrincipal SignedIn family, Model model, RedirectAttributes redirect) {
		PermitApplicationId applicationId = PermitPages.id(id);
		found(() -> applications.openForFamily(applicationId, family));
		try {
			applications.removeScan(applicationId, uuid(scan), family);
			redirect.addFlashAttribute("notice", "permits.mine.removed");
			return "redirect:/permits/mine/" + id;
		}
		catch (PermitRefused refused) {
			return page(applications.openForFamily(applicationId, family), Map.of(), pages.messages(refused.problems()),
					model);
		}
	}

	@PostMapping("/permits/mine/{id}/{decision}")
	String step(@PathVariable String id, @PathVariable("decision") String step,
			@RequestParam(defaultValue = "-1") int version, @AuthenticationPrincipal SignedIn family, Model model,
			RedirectAttributes redirect) {
		PermitApplicationId applicationId = PermitPages.id(id);
		found(() -> applications.openForFamily(applicationId, family));
		try {
			switch (step) {
				case "submit" -> applications.submit(applicationId, version, family);
				case "withdraw" -> applications.withdraw(applicationId, version, family);
				default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("notice", "permits.mine.done-" + step);
			return "redirect:/permits/mine/" + id;
		}
		catch (PermitRefused refused) {
			return page(applications.openForFamily(applicationId, family), Map.of(), pages.messages(refused.problems()),
					model);
		}
	}

	@GetMapping("/permits/mine/scans/{id}")
	ResponseEntity<byte[]> scan(@PathVariable String id, @AuthenticationPrincipal SignedIn family) {
		return PermitPages.download(found(() -> applications.scanForFamily(uuid(id), family)));
	}

	private String page(PermitApplication a, Map<String, String> typed, Map<String, String> problems, Model model) {
		model.addAttribute("a", a);
		model.addAttribute("districtName", pages.districtName(a.districtCode()));
		model.addAttribute("publishesOn", applications.publicationDay(a.districtCode(), a.year()).orElse(null));
		model.addAttribute("typed", typed);
		model.addAttribute("problems", problems);
		model.addAttribute("maxMegabytes", ScanRule.megabytes(applications.maxScanBytes()));
		model.addAttribute("withdrawable", a.status().editable() || a.status() == ApplicationStatus.SUBMITTED);
		return "permits/application";
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(String.valueOf(text));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	static <T> T found(Supplier<T> lookup) {
		try {
			return lookup.get();
		}
		catch (NoSuchElementException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
