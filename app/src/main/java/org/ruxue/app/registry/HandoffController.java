package org.ruxue.app.registry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.spreadsheet.SpreadsheetWriter;
import org.ruxue.app.zoning.EntryLevel;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The city administrator's hand-off of new enrollments to the student registry (R-G3):
 * per year and level the counts by status, the file the registry imports (XLSX or CSV),
 * sending after a confirmation with the send's report, and the reconciliation with what
 * the registry holds, on the page and as CSV.
 */
@Controller
class HandoffController {

	private static final String BASE = "/admin/registry/handoff";

	/** Discrepancies the reconciliation page lists; the CSV has every line. */
	private static final int SHOWN_LINES = 500;

	private final EnrollmentHandoffs handoffs;

	private final MessageSource messages;

	private final EnrollmentCalendar calendar;

	HandoffController(EnrollmentHandoffs handoffs, MessageSource messages, EnrollmentCalendar calendar) {
		this.handoffs = handoffs;
		this.messages = messages;
		this.calendar = calendar;
	}

	@GetMapping(BASE)
	String home(@RequestParam(defaultValue = "0") int year, @AuthenticationPrincipal SignedIn who, Model model) {
		requireCity(who);
		return page(year(year), model);
	}

	@PostMapping(BASE + "/send")
	String send(@RequestParam(defaultValue = "0") int year, @RequestParam EntryLevel level,
			@RequestParam(required = false) String confirmed, @AuthenticationPrincipal SignedIn who, Model model) {
		Actor by = requireCity(who);
		int shown = year(year);
		if (!"yes".equals(confirmed)) {
			model.addAttribute("year", shown);
			model.addAttribute("level", level);
			model.addAttribute("toSend", handoffs.toSend(shown, level));
			model.addAttribute("adapter", handoffs.adapter());
			return "registry/handoff-confirm";
		}
		model.addAttribute("report", handoffs.send(shown, level, by));
		return page(shown, model);
	}

	@GetMapping(BASE + "/export")
	void export(@RequestParam(defaultValue = "0") int year, @RequestParam EntryLevel level,
			@RequestParam(defaultValue = "xlsx") String format, @AuthenticationPrincipal SignedIn who,
			HttpServletResponse response) throws IOException {
		Actor by = requireCity(who);
		String type = SpreadsheetWriter.FORMATS.contains(format) ? format : "xlsx";
		int shown = year(year);
		response.setContentType(SpreadsheetWriter.mediaType(type));
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("enrollments-" + shown + "-" + level.name().toLowerCase(Locale.ROOT) + "." + type)
					.build()
					.toString());
		handoffs.export(shown, level, type, response.getOutputStream(), by);
	}

	@GetMapping(BASE + "/reconciliation")
	String reconciliation(@RequestParam(defaultValue = "0") int year, @RequestParam EntryLevel level,
			@AuthenticationPrincipal SignedIn who, Model model, Locale locale) {
		Actor by = requireCity(who);
		int shown = year(year);
		model.addAttribute("year", shown);
		model.addAttribute("level", level);
		model.addAttribute("findings", Reconciliation.Finding.values());
		model.addAttribute("shownLines", SHOWN_LINES);
		try {
			Reconciliation reconciliation = handoffs.reconcile(shown, level, by);
			List<Reconciliation.Line> discrepancies = reconciliation.discrepancies();
			model.addAttribute("reconciliation", reconciliation);
			model.addAttribute("discrepancies", discrepancies.subList(0, Math.min(SHOWN_LINES, discrepancies.size())));
			model.addAttribute("more", discrepancies.size() > SHOWN_LINES);
		}
		catch (RegistryUnavailable unavailable) {
			model.addAttribute("unavailable", messages.getMessage("registry.handoff.unavailable",
					new Object[] { unavailable.getMessage() }, locale));
		}
		return "registry/handoff-reconciliation";
	}

	@GetMapping(BASE + "/reconciliation.csv")
	void reconciliationCsv(@RequestParam(defaultValue = "0") int year, @RequestParam EntryLevel level,
			@AuthenticationPrincipal SignedIn who, HttpServletResponse response, Locale locale) throws IOException {
		Actor by = requireCity(who);
		int shown = year(year);
		Reconciliation reconciliation = handoffs.reconcile(shown, level, by);
		response.setContentType(SpreadsheetWriter.mediaType("csv"));
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("reconciliation-" + shown + "-" + level.name().toLowerCase(Locale.ROOT) + ".csv")
					.build()
					.toString());
		List<String> header = new ArrayList<>();
		for (String column : List.of("finding", "key", "school", "status", "version", "registry-version", "reference",
				"problem")) {
			header.add(message("registry.handoff.reconciliation.column." + column, locale));
		}
		try (SpreadsheetWriter csv = SpreadsheetWriter.of("csv", response.getOutputStream(), "", header)) {
			for (Reconciliation.Line line : reconciliation.lines()) {
				csv.row(Arrays.asList(message("registry.handoff.finding." + line.finding(), locale), line.key(),
						line.schoolCode(),
						(line.status() != null) ? message("registry.handoff.status." + line.status(), locale) : "",
						(line.version() != null) ? line.version().toString() : "",
						(line.registryVersion() != null) ? line.registryVersion().toString() : "", line.reference(),
						line.problem()));
			}
		}
	}

	private String page(int year, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("levels", EntryLevel.values());
		model.addAttribute("statuses", HandoffStatus.values());
		model.addAttribute("counts",
				Arrays.stream(EntryLevel.values()).map(level -> handoffs.counts(year, level)).toList());
		model.addAttribute("adapter", handoffs.adapter());
		model.addAttribute("columns", HandoffColumns.ALL);
		return "registry/handoff";
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	/** The hand-off is the city's (R-G3); /admin is the city's already. */
	private static Actor requireCity(SignedIn who) {
		if (who == null || who.role() != Role.CITY_ADMIN) {
			throw new AccessDeniedException("Only the city administrator hands enrollments over to the registry");
		}
		return Actor.of(who.username(), who.role().name());
	}

	private int year(int year) {
		return (year >= 2000 && year <= 2100) ? year : calendar.currentYear().orElse(calendar.today().getYear());
	}

}
