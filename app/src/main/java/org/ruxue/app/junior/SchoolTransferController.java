package org.ruxue.app.junior;

import java.util.List;
import java.util.Map;

import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.tables.Column;
import org.ruxue.app.tables.TableQuery;
import org.ruxue.app.tables.Tables;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * The graduating school's transfer pages (R-J4): start an application for a student,
 * print its form, record the signatures, submit, decide as the first stage of the chain,
 * and the list of the school's applications. Every read is on the record.
 */
@Controller
class SchoolTransferController {

	private static final String BASE = "/school/junior/transfers";

	private final Transfers transfers;

	private final TransferPages pages;

	private final Tables tables;

	SchoolTransferController(Transfers transfers, TransferPages pages, Tables tables) {
		this.transfers = transfers;
		this.pages = pages;
		this.tables = tables;
	}

	/** An application in the school's list, with the name of the district moved into. */
	record Line(Transfer transfer, String toDistrict) {

	}

	/**
	 * The list's columns (issue 12): sorted, filtered and downloaded by the staff table.
	 */
	static final List<Column<Line>> COLUMNS = List.of(
			Column.text("number", "junior.transfer.field.number", line -> line.transfer().number()),
			Column.text("student", "junior.transfer.field.student", line -> line.transfer().studentName()),
			Column.text("to", "junior.transfer.field.toDistrict", Line::toDistrict),
			Column.message("status", "junior.transfer.field.status", line -> line.transfer().status().messageKey()));

	@GetMapping(BASE)
	ModelAndView list(TableQuery table, @AuthenticationPrincipal SignedIn staff, Model model) {
		return listPage(StartTransferForm.empty(), Map.of(), table, staff, model);
	}

	@PostMapping(BASE)
	ModelAndView start(@RequestParam(required = false) String educationId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String toDistrict, @RequestParam(required = false) String address,
			@RequestParam(required = false) String note, @AuthenticationPrincipal SignedIn staff, Model model,
			RedirectAttributes redirect) {
		StartTransferForm form = new StartTransferForm(educationId, kind, toDistrict, address, note);
		try {
			Transfer started = transfers.start(form, staff);
			redirect.addFlashAttribute("notice", "junior.transfer.done.started");
			return new ModelAndView("redirect:" + BASE + "/" + started.id());
		}
		catch (TransferRefused refused) {
			return listPage(form, pages.problems(refused), TableQuery.none(), staff, model);
		}
	}

	@GetMapping(BASE + "/{id}")
	String detail(@PathVariable String id, @AuthenticationPrincipal SignedIn staff, Model model) {
		Transfer t = TransferPages.found(() -> transfers.open(TransferPages.id(id), "school transfer page", staff));
		return pages.detail(t, staff, BASE, Map.of(), model);
	}

	@GetMapping(BASE + "/{id}/form.pdf")
	ResponseEntity<byte[]> form(@PathVariable String id, @AuthenticationPrincipal SignedIn staff) {
		TransferId transferId = TransferPages.id(id);
		byte[] pdf = TransferPages.found(() -> transfers.printForm(transferId, staff));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("transfer-" + transferId + ".pdf").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf);
	}

	@PostMapping(BASE + "/{id}/{action}")
	String act(@PathVariable String id, @PathVariable String action, @RequestParam(defaultValue = "-1") int version,
			@RequestParam(defaultValue = "false") boolean familySigned,
			@RequestParam(defaultValue = "false") boolean schoolSigned, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal SignedIn staff, Model model, RedirectAttributes redirect) {
		TransferId transferId = TransferPages.id(id);
		TransferPages.found(() -> transfers.open(transferId, "school " + action, staff));
		try {
			switch (action) {
				case "signed" -> transfers.markSigned(transferId, version, familySigned, schoolSigned, staff);
				case "submit" -> transfers.submit(transferId, version, staff);
				case "withdraw" -> transfers.withdraw(transferId, version, staff);
				case "approve" -> transfers.approve(transferId, version, staff);
				case "reject" -> transfers.reject(transferId, version, reason, staff);
				default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("notice", "junior.transfer.done." + action);
			return "redirect:" + BASE + "/" + id;
		}
		catch (TransferRefused refused) {
			model.addAttribute("reason", reason);
			model.addAttribute("familySigned", familySigned);
			model.addAttribute("schoolSigned", schoolSigned);
			Transfer t = transfers.open(transferId, "school " + action, staff);
			return pages.detail(t, staff, BASE, pages.problems(refused), model);
		}
	}

	private ModelAndView listPage(StartTransferForm form, Map<String, String> problems, TableQuery table,
			SignedIn staff, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("windowOpen", transfers.windowOpen());
		model.addAttribute("districts", pages.allDistricts());
		model.addAttribute("kinds", List.of(TransferKind.values()));
		model.addAttribute("schoolName", pages.schoolName(staff.schoolCode()));
		Map<String, String> names = pages.districtNames();
		List<Line> lines = transfers.ofSchool(staff)
			.stream()
			.map(t -> new Line(t, names.getOrDefault(t.toDistrict(), t.toDistrict())))
			.toList();
		return tables.show("junior/school-transfers", "transfers-" + staff.schoolCode(), lines, COLUMNS, table, model);
	}

}
