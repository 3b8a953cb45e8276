package org.ruxue.app.opportunity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.SignedIn;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The city administrator's pages (R-G1): the import of the figures with template,
 * preview, progress and row errors, confirm and cancel; and the eligibility text.
 */
@Controller
class OpportunityAdminController {

	private static final String BASE = "/admin/high-school-opportunities";

	private static final int SHOWN_ROWS = 200;

	private final OpportunityImports imports;

	private final ImportTemplate template;

	private final FigurePlanner planner;

	private final HighSchoolOpportunities opportunities;

	private final MessageSource messages;

	private final EnrollmentCalendar calendar;

	OpportunityAdminController(OpportunityImports imports, ImportTemplate template, FigurePlanner planner,
			HighSchoolOpportunities opportunities, MessageSource messages, EnrollmentCalendar calendar) {
		this.imports = imports;
		this.template = template;
		this.planner = planner;
		this.opportunities = opportunities;
		this.messages = messages;
		this.calendar = calendar;
	}

	@GetMapping(BASE)
	String home(@AuthenticationPrincipal SignedIn who, Model model, Locale locale) {
		model.addAttribute("maxMegabytes", imports.maxBytes() / (1024 * 1024));
		model.addAttribute("maxRows", imports.maxRows());
		model.addAttribute("recent", imports.recent(who));
		model.addAttribute("columns",
				FigurePlanner.COLUMNS.stream()
					.map(c -> new ColumnHelp(planner.heading(c.key(), locale), c.required(),
							messages.getMessage("opportunity.import.column-help." + c.key(), null, "", locale)))
					.toList());
		if (!model.containsAttribute("eligibility")) {
			Eligibility eligibility = opportunities.eligibility();
			model.addAttribute("eligibility",
					new EligibilityForm(eligibility.textZh(), eligibility.textEn(), eligibility.version()));
		}
		return "opportunity/admin";
	}

	record ColumnHelp(String heading, boolean required, String help) {

	}

	/** What the eligibility form posts. */
	record EligibilityForm(String textZh, String textEn, int version) {

	}

	@PostMapping(BASE + "/eligibility")
	String eligibility(@RequestParam(defaultValue = "") String textZh, @RequestParam(defaultValue = "") String textEn,
			@RequestParam(defaultValue = "-1") int version, @AuthenticationPrincipal SignedIn who,
			RedirectAttributes redirect, Locale locale) {
		try {
			boolean changed = opportunities.changeEligibility(textZh, textEn, version,
					Actor.of(who.username(), who.role().name()));
			redirect.addFlashAttribute("notice",
					changed ? "opportunity.eligibility.saved" : "opportunity.eligibility.unchanged");
		}
		catch (InvalidOpportunityQuery ex) {
			redirect.addFlashAttribute("eligibilityError", messages.getMessage(ex.messageKey(), ex.args(), locale));
			redirect.addFlashAttribute("eligibility", new EligibilityForm(textZh, textEn, version));
		}
		return "redirect:" + BASE + "#eligibility";
	}

	@GetMapping(BASE + "/template.{format}")
	ResponseEntity<byte[]> template(@PathVariable String format) {
		int year = calendar.currentYear().orElse(calendar.today().getYear());
		byte[] body = switch (format) {
			case "xlsx" -> template.xlsx(year);
			case "csv" -> template.csv(year);
			default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		};
		MediaType type = format.equals("xlsx")
				? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
				: new MediaType("text", "csv", StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("ruxue-high-school-opportunities-template." + format)
						.build()
						.toString())
			.contentType(type)
			.body(body);
	}

	@PostMapping(BASE + "/import")
	String start(@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal SignedIn who,
			RedirectAttributes redirect, Locale locale) throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error",
					messages.getMessage("opportunity.import.refused.no-file", null, locale));
			return "redirect:" + BASE;
		}
		if (file.getSize() > imports.maxBytes()) {
			redirect.addFlashAttribute("error", messages.getMessage("opportunity.import.refused.size",
					new Object[] { imports.maxBytes() / (1024 * 1024) }, locale));
			return "redirect:" + BASE;
		}
		try {
			UUID id = imports.start(who, file.getOriginalFilename(), file.getBytes());
			return "redirect:" + BASE + "/import/" + id;
		}
		catch (ImportRefused refused) {
			redirect.addFlashAttribute("error",
					messages.getMessage(refused.messageKey(), refused.args().toArray(), locale));
			return "redirect:" + BASE;
		}
	}

	@GetMapping(BASE + "/import/{id}")
	String preview(@PathVariable UUID id, @AuthenticationPrincipal SignedIn who, Model model, Locale locale) {
		ImportJob job = imports.job(id, who);
		describe(job, model, locale);
		if (job.status() == ImportJob.Status.READY || job.status() == ImportJob.Status.WRITTEN) {
			model.addAttribute("errorRows", shown(imports.rows(job, PlannedRow.Action.ERROR, SHOWN_ROWS), locale));
			model.addAttribute("addRows", shown(imports.rows(job, PlannedRow.Action.ADD, SHOWN_ROWS), locale));
			model.addAttribute("changeRows", shown(imports.rows(job, PlannedRow.Action.CHANGE, SHOWN_ROWS), locale));
		}
		model.addAttribute("shownRows", SHOWN_ROWS);
		return "opportunity/import-job";
	}

	/**
	 * The progress, polled by htmx while the job runs; once it stops, htmx loads the
	 * whole page again.
	 */
	@GetMapping(BASE + "/import/{id}/progress")
	String progress(@PathVariable UUID id, @AuthenticationPrincipal SignedIn who, Model model, Locale locale,
			HttpServletResponse response) {
		ImportJob job = imports.job(id, who);
		if (!job.running(calendar.now())) {
			response.setHeader("HX-Redirect", BASE + "/import/" + id);
		}
		describe(job, model, locale);
		return "opportunity/import-job :: progress";
	}

	@PostMapping(BASE + "/import/{id}/confirm")
	String confirm(@PathVariable UUID id, @AuthenticationPrincipal SignedIn who, RedirectAttributes redirect) {
		if (!imports.confirm(id, who)) {
			redirect.addFlashAttribute("notice", "opportunity.import.not-confirmable");
		}
		return "redirect:" + BASE + "/import/" + id;
	}

	@PostMapping(BASE + "/import/{id}/cancel")
	String cancel(@PathVariable UUID id, @AuthenticationPrincipal SignedIn who, RedirectAttributes redirect) {
		imports.cancel(id, who);
		redirect.addFlashAttribute("notice", "opportunity.import.cancelled");
		return "redirect:" + BASE;
	}

	@ExceptionHandler(NoSuchElementException.class)
	ResponseEntity<String> notFound() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
	}

	private void describe(ImportJob job, Model model, Locale locale) {
		model.addAttribute("job", job);
		model.addAttribute("running", job.running(calendar.now()));
		model.addAttribute("stalled", job.stalled(calendar.now()));
		if (job.problemKey() != null) {
			model.addAttribute("problem", messages.getMessage(job.problemKey(), job.problemArgs().toArray(), locale));
		}
	}

	/**
	 * A row as the preview shows it: its cells, and its errors or its changes in words.
	 */
	record ShownRow(int number, List<String> cells, List<ShownError> errors, String difference) {

	}

	record ShownError(String column, String message) {

	}

	private List<ShownRow> shown(List<PlannedRow> rows, Locale locale) {
		List<ShownRow> shown = new ArrayList<>();
		for (PlannedRow row : rows) {
			List<ShownError> errors = new ArrayList<>();
			for (ImportProblem problem : row.problems()) {
				errors.add(new ShownError((problem.column() != null) ? planner.heading(problem.column(), locale) : "",
						messages.getMessage(problem.messageKey(), problem.args().toArray(), problem.messageKey(),
								locale)));
			}
			shown.add(new ShownRow(row.number(), row.cells(), errors, difference(row.difference(), locale)));
		}
		return shown;
	}

	/**
	 * "graduates: a → b; places: …" with each column's heading in the reader's language.
	 */
	private String difference(String difference, Locale locale) {
		if (difference == null) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		for (String part : difference.split("; ")) {
			int colon = part.indexOf(": ");
			parts.add((colon > 0) ? planner.heading(part.substring(0, colon), locale) + "：" + part.substring(colon + 2)
					: part);
		}
		return String.join("；", parts);
	}

}
