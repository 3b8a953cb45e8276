package org.ruxue.app.zoning.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.ZoningProblem;

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
 * The officer's import (issue 5): the templates, the upload, the preview with its
 * progress and its row errors, confirm and cancel.
 */
@Controller
class ZoningImportController {

	private static final int SHOWN_ROWS = 200;

	private final ZoningImports imports;

	private final ImportTemplates templates;

	private final ImportPlanner planner;

	private final OfficerScope scope;

	private final MessageSource messages;

	private final EnrollmentCalendar calendar;

	ZoningImportController(ZoningImports imports, ImportTemplates templates, ImportPlanner planner, OfficerScope scope,
			MessageSource messages, EnrollmentCalendar calendar) {
		this.imports = imports;
		this.templates = templates;
		this.planner = planner;
		this.scope = scope;
		this.messages = messages;
		this.calendar = calendar;
	}

	@GetMapping("/district/zoning/import")
	String upload(@RequestParam(required = false) String district, @AuthenticationPrincipal SignedIn who, Model model) {
		District d = scope.district(who, district);
		model.addAttribute("district", d);
		model.addAttribute("districts", scope.choosable(who, d));
		model.addAttribute("year", scope.year(null));
		model.addAttribute("kinds", ImportKind.values());
		model.addAttribute("maxMegabytes", imports.maxBytes() / (1024 * 1024));
		model.addAttribute("maxRows", imports.maxRows());
		model.addAttribute("recent", imports.recent(who, d.code()));
		model.addAttribute("columns", columnHelp());
		return "zoning/admin/import";
	}

	@GetMapping("/district/zoning/import/template/{kind}.{format}")
	ResponseEntity<byte[]> template(@PathVariable String kind, @PathVariable String format,
			@RequestParam(required = false) String district, @RequestParam(required = false) Integer year,
			@AuthenticationPrincipal SignedIn who) {
		District d = scope.district(who, district);
		ImportKind k = ImportKind.ofSlug(kind).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		int y = scope.year(year);
		byte[] body = switch (format) {
			case "xlsx" -> templates.xlsx(k, d, y);
			case "csv" -> templates.csv(k, d, y);
			default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		};
		MediaType type = format.equals("xlsx")
				? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
				: new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("ruxue-" + k.slug() + "-template." + format)
						.build()
						.toString())
			.contentType(type)
			.body(body);
	}

	@PostMapping("/district/zoning/import")
	String start(@RequestParam(required = false) String district, @RequestParam String kind,
			@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal SignedIn who,
			RedirectAttributes redirect, Locale locale) throws IOException {
		District d = scope.district(who, district);
		ImportKind k = ImportKind.ofSlug(kind).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error", messages.getMessage("zoning.import.refused.no-file", null, locale));
			return "redirect:/district/zoning/import?district=" + d.code();
		}
		if (file.getSize() > imports.maxBytes()) {
			redirect.addFlashAttribute("error", messages.getMessage("zoning.import.refused.size",
					new Object[] { imports.maxBytes() / (1024 * 1024) }, locale));
			return "redirect:/district/zoning/import?district=" + d.code();
		}
		try {
			UUID id = imports.start(who, d.code(), k, file.getOriginalFilename(), file.getBytes());
			return "redirect:/district/zoning/import/" + id;
		}
		catch (ImportRefused refused) {
			redirect.addFlashAttribute("error",
					messages.getMessage(refused.messageKey(), refused.args().toArray(), locale));
			return "redirect:/district/zoning/import?district=" + d.code();
		}
	}

	@GetMapping("/district/zoning/import/{id}")
	String preview(@PathVariable UUID id, @AuthenticationPrincipal SignedIn who, Model model, Locale locale) {
		ImportJob job = imports.job(id, who);
		describe(job, model, locale);
		if (job.status() == ImportJob.Status.READY || job.status() == ImportJob.Status.WRITTEN) {
			model.addAttribute("errorRows", shown(imports.rows(job, PlannedRow.Action.ERROR, SHOWN_ROWS), locale));
			model.addAttribute("addRows", shown(imports.rows(job, PlannedRow.Action.ADD, SHOWN_ROWS), locale));
			model.addAttribute("changeRows", shown(imports.rows(job, PlannedRow.Action.CHANGE, SHOWN_ROWS), locale));
		}
		model.addAttribute("shownRows", SHOWN_ROWS);
		return "zoning/admin/import-job";
	}

	/**
	 * The progress, polled by htmx while the job runs; once it stops, htmx loads the
	 * whole page again.
	 */
	@GetMapping("/district/zoning/import/{id}/progress")
	String progress(@PathVariable UUID id, @AuthenticationPrincipal SignedIn who, Model model, Locale locale,
			jakarta.servlet.http.HttpServletResponse response) {
		ImportJob job = imports.job(id, who);
		if (!job.running(calendar.now())) {
			response.setHeader("HX-Redirect", "/district/zoning/import/" + id);
		}
		describe(job, model, locale);
		return "zoning/admin/import-job :: progress";
	}

	@PostMapping("/district/zoning/import/{id}/confirm")
	String confirm(@PathVariable UUID id, @AuthenticationPrincipal SignedIn who, RedirectAttributes redirect) {
		if (!imports.confirm(id, who)) {
			redirect.addFlashAttribute("notice", "zoning.import.not-confirmable");
		}
		return "redirect:/district/zoning/import/" + id;
	}

	@PostMapping("/district/zoning/import/{id}/cancel")
	String cancel(@PathVariable UUID id, @AuthenticationPrincipal SignedIn who, RedirectAttributes redirect) {
		ImportJob job = imports.job(id, who);
		imports.cancel(id, who);
		redirect.addFlashAttribute("notice", "zoning.import.cancelled");
		return "redirect:/district/zoning/import?district=" + job.districtCode();
	}

	@ExceptionHandler(NoSuchElementException.class)
	ResponseEntity<String> notFound() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
	}

	private void describe(ImportJob job, Model model, Locale locale) {
		model.addAttribute("job", job);
		model.addAttribute("running", job.running(calendar.now()));
		model.addAttribute("stalled", job.stalled(calendar.now()));
		model.addAttribute("kindName", messages.getMessage("zoning.import.kind." + job.kind().slug(), null, locale));
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
			for (ZoningProblem problem : row.problems()) {
				errors.add(new ShownError((problem.field() != null) ? planner.heading(problem.field(), locale) : "",
						messages.getMessage(problem.messageKey(), problem.args().toArray(), problem.messageKey(),
								locale)));
			}
			shown.add(new ShownRow(row.number(), row.cells(), errors, difference(row.difference(), locale)));
		}
		return shown;
	}

	/** "name: a → b; level: …" with each column's heading in the officer's language. */
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

	private Map<ImportKind, List<ImportKind.Column>> columnHelp() {
		Map<ImportKind, List<ImportKind.Column>> help = new java.util.EnumMap<>(ImportKind.class);
		for (ImportKind kind : ImportKind.values()) {
			help.put(kind, kind.columns());
		}
		return help;
	}

}
