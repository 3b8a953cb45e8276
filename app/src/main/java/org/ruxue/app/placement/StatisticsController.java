package org.ruxue.app.placement;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletResponse;

import org.ruxue.app.calendar.CityClock;
import org.ruxue.app.identity.ContentSecurityPolicies;
import org.ruxue.app.spreadsheet.SpreadsheetWriter;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The open statistics of the published draws, for anyone without signing in: per district
 * and school, as tables with charts drawn from them, and the per-school table as CSV and
 * XLSX. A draw not yet published answers 404 like one that does not exist: its counts
 * would tell its result.
 */
@Controller
class StatisticsController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final PlacementStatistics statistics;

	private final ScopeNames scopes;

	private final MessageSource messages;

	private final CityClock cityClock;

	/**
	 * The downloads as written, by draw, format and language: a published draw never
	 * changes, and writing a city's workbook takes longer than sending it.
	 */
	private final Map<String, byte[]> files = new ConcurrentHashMap<>();

	StatisticsController(PlacementStatistics statistics, ScopeNames scopes, MessageSource messages,
			CityClock cityClock) {
		this.statistics = statistics;
		this.scopes = scopes;
		this.messages = messages;
		this.cityClock = cityClock;
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return cityClock.zone();
	}

	@GetMapping("/lottery/statistics")
	String draws(Model model, Locale locale) {
		List<LotteryDraw> published = statistics.published();
		model.addAttribute("draws", published);
		model.addAttribute("titles", published.stream().map(d -> title(d, locale)).toList());
		return "placement/statistics/draws";
	}

	@GetMapping("/lottery/{drawId}/statistics")
	String draw(@PathVariable String drawId, Model model, Locale locale, HttpServletResponse response) {
		DrawStatistics figures = published(drawId);
		response.setHeader("Content-Security-Policy", ContentSecurityPolicies.WITH_STYLE_ATTRIBUTES);
		model.addAttribute("stats", figures);
		model.addAttribute("drawTitle", title(figures.draw(), locale));
		model.addAttribute("priorityNames", priorityNames(figures, locale));
		return "placement/statistics/draw";
	}

	@GetMapping("/lottery/{drawId}/statistics/{schoolCode}")
	String school(@PathVariable String drawId, @PathVariable String schoolCode, Model model, Locale locale,
			HttpServletResponse response) {
		DrawStatistics figures = published(drawId);
		DrawStatistics.School school = figures.school(schoolCode)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		response.setHeader("Content-Security-Policy", ContentSecurityPolicies.WITH_STYLE_ATTRIBUTES);
		model.addAttribute("stats", figures);
		model.addAttribute("school", school);
		model.addAttribute("drawTitle", title(figures.draw(), locale));
		model.addAttribute("priorityNames", priorityNames(figures, locale));
		return "placement/statistics/school";
	}

	@GetMapping("/lottery/{drawId}/statistics.csv")
	ResponseEntity<byte[]> csv(@PathVariable String drawId, Locale locale) {
		DrawStatistics figures = published(drawId);
		byte[] file = files.computeIfAbsent(figures.draw().id() + ".csv." + locale.getLanguage(),
				k -> SpreadsheetWriter.csv(header(figures, locale), rows(figures)));
		return download(file, figures.draw().fileStem() + "-statistics.csv",
				new MediaType("text", "csv", StandardCharsets.UTF_8));
	}

	@GetMapping("/lottery/{drawId}/statistics.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable String drawId, Locale locale) {
		DrawStatistics figures = published(drawId);
		byte[] file = files.computeIfAbsent(figures.draw().id() + ".xlsx." + locale.getLanguage(),
				k -> SpreadsheetWriter.xlsx(message("statistics.sheet", locale), header(figures, locale),
						rows(figures)));
		return download(file, figures.draw().fileStem() + "-statistics.xlsx", XLSX);
	}

	private DrawStatistics published(String drawId) {
		DrawId id;
		try {
			id = DrawId.parse(drawId);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return statistics.of(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/**
	 * The per-school table, as the downloads have it: one column per rank and priority.
	 */
	List<String> header(DrawStatistics figures, Locale locale) {
		List<String> header = new ArrayList<>(List.of(message("statistics.column.district", locale),
				message("statistics.column.school-code", locale), message("statistics.column.school", locale),
				message("statistics.column.seats", locale), message("statistics.column.applicants", locale)));
		for (int rank : figures.ranks()) {
			header.add(messages.getMessage("statistics.column.applicants-at", new Object[] { rank }, locale));
		}
		header.add(message("statistics.column.placed", locale));
		for (int rank : figures.ranks()) {
			header.add(messages.getMessage("statistics.column.placed-at", new Object[] { rank }, locale));
		}
		List<String> names = priorityNames(figures, locale);
		for (String name : names) {
			header.add(messages.getMessage("statistics.column.applicants-with", new Object[] { name }, locale));
		}
		for (String name : names) {
			header.add(messages.getMessage("statistics.column.placed-with", new Object[] { name }, locale));
		}
		header.add(message("statistics.column.seats-left", locale));
		return header;
	}

	static List<List<Object>> rows(DrawStatistics figures) {
		List<List<Object>> rows = new ArrayList<>();
		for (DrawStatistics.School s : figures.schools()) {
			List<Object> row = new ArrayList<>(List.of((s.districtName() != null) ? s.districtName() : "", s.code(),
					s.name(), s.seats(), s.applicants()));
			row.addAll(s.applicantsByRank());
			row.add(s.placed());
			row.addAll(s.placedByRank());
			row.addAll(s.applicantsByPriority());
			row.addAll(s.placedByPriority());
			row.add(s.seatsLeft());
			rows.add(row);
		}
		return rows;
	}

	/**
	 * Each priority as a reader knows it: its category, or its tier where it has none.
	 */
	List<String> priorityNames(DrawStatistics figures, Locale locale) {
		return figures.priorities()
			.stream()
			.map(p -> (p.category() != null) ? p.category()
					: messages.getMessage("statistics.tier", new Object[] { p.tier() }, locale))
			.toList();
	}

	/** "2017 怀柔区 小升初" */
	String title(LotteryDraw draw, Locale locale) {
		String scope = scopes.of(draw.scope(), locale);
		return messages.getMessage("statistics.draw-title", new Object[] { Integer.toString(draw.year()), scope,
				message("statistics.level." + draw.level(), locale) }, locale);
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private static ResponseEntity<byte[]> download(byte[] file, String name, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(file);
	}

}
