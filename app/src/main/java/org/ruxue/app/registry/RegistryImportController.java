package org.ruxue.app.registry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.SignedIn;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The city administrator's import of the registry's graduates (R-J1): upload an export or
 * fetch from the registry's service, the preview with its row report, confirm or cancel,
 * the progress while reading and writing, the result.
 */
@Controller
class RegistryImportController {

	private static final String BASE = "/admin/registry";

	private static final int SHOWN_ROWS = 200;

	private final GraduateImports imports;

	private final GraduateColumns columns;

	private final MessageSource messages;

	private final EnrollmentCalendar calendar;

	RegistryImportController(GraduateImports imports, GraduateColumns columns, MessageSource messages,
			EnrollmentCalendar calendar) {
		this.imports = imports;
		this.columns = columns;
		this.messages = messages;
		this.calendar = calendar;
	}

	record ColumnHelp(String heading, String key, boolean required, String help) {

	}

	@GetMapping(BASE)
	String home(@AuthenticationPrincipal SignedIn who, Model model, Locale locale) {
		model.addAttribute("recent", imports.recent(who));
		model.addAttribute("year", defaultYear());
		model.addAttribute("maxMegabytes", imports.properties().maxBytes() / (1024 * 1024));
		model.addAttribute("maxRows", imports.properties().maxRows());
		model.addAttribute("service", imports.properties().http().configured());
		model.addAttribute("columns",
				GraduateColumns.ALL.stream()
					.map(c -> new ColumnHelp(columns.heading(c.key(), Locale.SIMPLIFIED_CHINESE), c.key(), c.required(),
							messages.getMessage("registry.import.column-help." + c.key(), null, "", locale)))
					.toList());
		return "registry/admin";
	}

	@PostMapping(BASE + "/import")
	String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "0") int year,
			@AuthenticationPrincipal SignedIn who, RedirectAttributes redirect, Locale locale) throws IOException {
		if (file == null || file.isEmpty()) {
			return refused(redirect, new ImportRefused("registry.import.refused.no-file"), locale);
		}
		if (file.getSize() > imports.properties().maxBytes()) {
			return refused(redirect,
					new ImportRefused("registry.import.refused.size", imports.properties().maxBytes() / (1024 * 1024)),
					locale);
		}
		try {
			UUID id = imports.start(who, file.getOriginalFilename(), file.getBytes(), year(year));
			return "redirect:" + BASE + "/import/" + id;
		}
		catch (ImportRefused refused) {
			return refused(redirect, refused, locale);
		}
	}

	@PostMapping(BASE + "/fetch")
	String fetch(@RequestParam(defaultValue = "0") int year, @AuthenticationPrincipal SignedIn who,
			RedirectAttributes redirect, Locale locale) {
		try {
			UUID id = imports.fetch(who, year(year));
			return "redirect:" + BASE + "/import/" + id;
		}
		catch (ImportRefused refused) {
			return refused(redirect, refused, locale);
		}
	}

	@GetMapping(BASE + "/import/{id}")
	String job(@PathVariable UUID id, @AuthenticationPrincipal SignedIn who, Model model, Locale locale) {
		ImportJob job = imports.job(id, who);
		describe(job, model, locale);
		boolean previewed = job.status() == ImportJob.Status.READY;
		boolean reported = previewed || job.status() == ImportJob.Status.WRITTEN
				|| job.status() == ImportJob.Status.WRITING || job.status() == ImportJob.Status.FAILED;
		model.addAttribute("errors", reported ? shown(imports.problems(id, SHOWN_ROWS), locale) : List.of());
		model.addAttribute("addRows", previewed ? imports.preview(id, "ADD", SHOWN_ROWS) : List.of());
		model.addAttribute("changeRows",
				previewed ? imports.preview(id, "CHANGE", SHOWN_ROWS)
					.stream()
					.map(r -> new ChangedRow(r,
							r.changedFields()
								.stream()
								.map(f -> columns.heading(f, locale))
								.reduce((a, b) -> a + "、" + b)
								.orElse("")))
					.toList() : List.of());
		model.addAttribute("shownRows", SHOWN_ROWS);
		return "registry/import-job";
	}

	record ChangedRow(GraduateImports.PreviewRow row, String fields) {

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
		return "registry/import-job :: progress";
	}

	@PostMapping(BASE + "/import/{id}/confirm")
	String confirm(@PathVariable UUID id, @AuthenticationPrincipal SignedIn who, RedirectAttributes redirect) {
		if (!imports.confirm(id, who)) {
			redirect.addFlashAttribute("notice", "registry.import.not-confirmable");
		}
		return "redirect:" + BASE + "/import/" + id;
	}

	@PostMapping(BASE + "/import/{id}/cancel")
	String cancel(@PathVariable UUID id, @AuthenticationPrincipal SignedIn who, RedirectAttributes redirect) {
		imports.cancel(id, who);
		redirect.addFlashAttribute("notice", "registry.import.cancelled");
		return "redirect:" + BASE;
	}

	@ExceptionHandler(NoSuchElementException.class)
	ResponseEntity<String> notFound() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
	}

	record ShownError(int row, String column, String message) {

	}

	private List<ShownError> shown(List<ImportProblem> problems, Locale locale) {
		List<ShownError> shown = new ArrayList<>(problems.size());
		for (ImportProblem p : problems) {
			shown.add(new ShownError(p.row(), (p.column() != null) ? columns.heading(p.column(), locale) : "",
					messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale)));
		}
		return shown;
	}

	private void describe(ImportJob job, Model model, Locale locale) {
		model.addAttribute("job", job);
		model.addAttribute("running", job.running(calendar.now()));
		model.addAttribute("stalled", job.stalled(calendar.now()));
		if (job.problemKey() != null) {
			model.addAttribute("problem",
					messages.getMessage(job.problemKey(), job.problemArgs().toArray(), job.problemKey(), locale));
		}
	}

	private String refused(RedirectAttributes redirect, ImportRefused refused, Locale locale) {
		redirect.addFlashAttribute("error",
				messages.getMessage(refused.messageKey(), refused.args().toArray(), refused.messageKey(), locale));
		return "redirect:" + BASE;
	}

	private int defaultYear() {
		return calendar.currentYear().orElse(calendar.today().getYear());
	}

	private int year(int year) {
		return (year >= 2000 && year <= 2100) ? year : defaultYear();
	}

}
