package org.ruxue.app.opportunity;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

import org.ruxue.app.spreadsheet.SpreadsheetReader;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.Schools;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Decides what each row of an import would do against what is stored: add, change,
 * unchanged, or its errors, column by column. A row is keyed by junior high, year and
 * quality high school, so that importing the same file again finds every row unchanged;
 * the rows of a junior high and year are its whole list of quota places that year, so
 * stored places of another high school are removed. The same planning runs for the
 * preview and again inside the writing transaction.
 */
@Component
class FigurePlanner {

	/** A column of the template, in order; key is its English heading. */
	record Column(String key, boolean required) {

	}

	static final List<Column> COLUMNS = List.of(new Column("school_code", true), new Column("school_name", false),
			new Column("year", true), new Column("graduates", true), new Column("share_entered", true),
			new Column("high_school_code", false), new Column("high_school_name", false), new Column("places", false));

	/** What every sample row of the template contains, and real data does not. */
	static final String SAMPLE_MARK = "示例";

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** A plan: every row, and the stored quota places the file no longer lists. */
	record Plan(List<PlannedRow> rows, int removed) {

		int count(PlannedRow.Action action) {
			return (int) rows.stream().filter(r -> r.action() == action).count();
		}

		boolean hasErrors() {
			return count(PlannedRow.Action.ERROR) > 0;
		}

	}

	private final Figures figures;

	private final Schools schools;

	private final MessageSource messages;

	FigurePlanner(Figures figures, Schools schools, MessageSource messages) {
		this.figures = figures;
		this.schools = schools;
		this.messages = messages;
	}

	String heading(String key, Locale locale) {
		return messages.getMessage("opportunity.import.column." + key, null, key, locale);
	}

	/**
	 * Which column of the file holds which column of the template: by its Chinese or
	 * English heading or its key; a trailing * and a bracketed note are ignored.
	 * @throws ImportRefused when a required column is missing
	 */
	Map<String, Integer> columns(List<String> header) {
		Map<String, String> names = new HashMap<>();
		for (Column column : COLUMNS) {
			names.put(headerKey(column.key()), column.key());
			for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
				names.put(headerKey(heading(column.key(), locale)), column.key());
			}
		}
		Map<String, Integer> columns = new LinkedHashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String key = names.get(headerKey(header.get(i)));
			if (key != null) {
				columns.putIfAbsent(key, i);
			}
		}
		List<String> missing = COLUMNS.stream()
			.filter(c -> c.required() && !columns.containsKey(c.key()))
			.map(c -> heading(c.key(), Locale.SIMPLIFIED_CHINESE))
			.toList();
		if (!missing.isEmpty()) {
			throw new ImportRefused("opportunity.import.refused.header", String.join("、", missing));
		}
		return columns;
	}

	Plan plan(Map<String, Integer> columns, List<SpreadsheetReader.Row> rows, IntConsumer progress) {
		List<Parsed> parsed = new ArrayList<>(rows.size());
		Map<String, School> schoolCache = new HashMap<>();
		for (SpreadsheetReader.Row row : rows) {
			parsed.add(parse(new Cells(row, columns), schoolCache));
			if (parsed.size() % 500 == 0) {
				progress.accept(parsed.size() / 2);
			}
		}
		Map<String, List<Parsed>> groups = crossCheck(parsed);
		List<PlannedRow> planned = new ArrayList<>(parsed.size());
		for (Parsed p : parsed) {
			planned.add(compare(p));
			if (planned.size() % 500 == 0) {
				progress.accept((parsed.size() + planned.size()) / 2);
			}
		}
		int removed = 0;
		for (List<Parsed> group : groups.values()) {
			if (group.stream().allMatch(p -> p.cells.problems.isEmpty())) {
				removed += removals(group);
			}
		}
		progress.accept(planned.size());
		return new Plan(planned, removed);
	}

	/**
	 * Writes the rows of a plan without errors, and removes what the file no longer
	 * lists.
	 */
	void write(Plan plan, IntConsumer progress) {
		Map<String, Set<String>> kept = new LinkedHashMap<>();
		int n = 0;
		for (PlannedRow row : plan.rows()) {
			PlannedRow.QuotaRow q = row.change();
			Set<String> codes = kept.computeIfAbsent(q.schoolCode() + "/" + q.year(), k -> new LinkedHashSet<>());
			if (q.hasQuota()) {
				codes.add(q.highSchoolCode());
			}
			if (row.writes()) {
				figures.saveYear(q.schoolCode(), q.year(), q.graduates(), q.shareEntered());
				if (q.hasQuota()) {
					figures.saveHighSchool(q.highSchoolCode(), q.highSchoolName());
					figures.saveQuota(q.schoolCode(), q.year(), q.highSchoolCode(), q.places());
				}
				if (++n % 50 == 0) {
					progress.accept(n);
				}
			}
		}
		for (var group : kept.entrySet()) {
			String[] schoolYear = group.getKey().split("/");
			figures.removeQuotasExcept(schoolYear[0], Integer.parseInt(schoolYear[1]), group.getValue());
		}
	}

	private Parsed parse(Cells cells, Map<String, School> schoolCache) {
		String schoolCode = cells.required("school_code");
		String schoolName = cells.text("school_name");
		Integer year = cells.number("year", 2000, 2100, true);
		Integer graduates = cells.number("graduates", 1, 5000, true);
		BigDecimal share = cells.share("share_entered");
		String highSchoolCode = cells.text("high_school_code");
		String highSchoolName = cells.text("high_school_name");
		String placesText = cells.text("places");
		if (!schoolCode.isEmpty()) {
			School school = schoolCache.computeIfAbsent(schoolCode, c -> schools.byCode(c).orElse(null));
			if (school == null) {
				cells.problem("school_code", "opportunity.import.error.unknown-school", schoolCode);
			}
			else if (!school.publicSchool() || !school.level().takesJuniorEntry()) {
				cells.problem("school_code", "opportunity.import.error.not-public-junior", schoolCode, school.name());
			}
			else if (!schoolName.isEmpty()
					&& !HighSchoolOpportunities.key(schoolName).equals(HighSchoolOpportunities.key(school.name()))) {
				cells.problem("school_name", "opportunity.import.error.school-name", schoolCode, school.name());
			}
		}
		Integer places = null;
		boolean anyQuota = !highSchoolCode.isEmpty() || !highSchoolName.isEmpty() || !placesText.isEmpty();
		if (anyQuota) {
			if (highSchoolCode.isEmpty()) {
				cells.problem("high_school_code", "opportunity.import.error.quota-incomplete");
			}
			else if (!highSchoolCode.matches("[A-Za-z0-9_-]{1,64}")) {
				cells.problem("high_school_code", "opportunity.import.error.high-school-code", highSchoolCode);
			}
			if (highSchoolName.isEmpty()) {
				cells.problem("high_school_name", "opportunity.import.error.quota-incomplete");
			}
			else if (highSchoolName.length() > 100) {
				cells.problem("high_school_name", "opportunity.import.error.too-long", 100);
			}
			else if (highSchoolName.contains(SAMPLE_MARK)) {
				cells.problem("high_school_name", "opportunity.import.error.sample");
			}
			places = cells.number("places", 1, 1000, true);
		}
		return new Parsed(cells, schoolCode, year, graduates, share, anyQuota ? highSchoolCode : null,
				anyQuota ? highSchoolName : null, places);
	}

	/**
	 * The rows of a junior high and year agree on its graduates and share, list a quality
	 * high school once, and allot no more places than it has graduates; a quality high
	 * school has one name throughout the file.
	 * @return the rows by junior high and year
	 */
	private Map<String, List<Parsed>> crossCheck(List<Parsed> parsed) {
		Map<String, List<Parsed>> groups = new LinkedHashMap<>();
		Map<String, Parsed> quotaRows = new HashMap<>();
		Map<String, Parsed> highSchoolNames = new HashMap<>();
		for (Parsed p : parsed) {
			if (p.schoolCode.isEmpty() || p.year == null) {
				continue;
			}
			List<Parsed> group = groups.computeIfAbsent(p.schoolCode + "/" + p.year, k -> new ArrayList<>());
			if (!group.isEmpty()) {
				Parsed first = group.getFirst();
				if (p.graduates != null && first.graduates != null && !p.graduates.equals(first.graduates)) {
					p.cells.problem("graduates", "opportunity.import.error.year-differs", first.number());
				}
				if (p.share != null && first.share != null && p.share.compareTo(first.share) != 0) {
					p.cells.problem("share_entered", "opportunity.import.error.year-differs", first.number());
				}
			}
			group.add(p);
			if (p.highSchoolCode != null && !p.highSchoolCode.isEmpty()) {
				Parsed earlier = quotaRows.putIfAbsent(p.schoolCode + "/" + p.year + "/" + p.highSchoolCode, p);
				if (earlier != null) {
					p.cells.problem("high_school_code", "opportunity.import.error.duplicate", earlier.number());
				}
				Parsed named = highSchoolNames.putIfAbsent(p.highSchoolCode, p);
				if (named != null && !Objects.equals(named.highSchoolName, p.highSchoolName)) {
					p.cells.problem("high_school_name", "opportunity.import.error.high-school-name-differs",
							named.number(), named.highSchoolName);
				}
			}
		}
		for (List<Parsed> group : groups.values()) {
			Integer graduates = group.getFirst().graduates;
			int places = group.stream().filter(p -> p.places != null).mapToInt(p -> p.places).sum();
			if (graduates != null && places > graduates) {
				group.stream()
					.filter(p -> p.places != null)
					.forEach(p -> p.cells.problem("places", "opportunity.import.error.places-exceed-graduates", places,
							graduates));
			}
		}
		return groups;
	}

	private PlannedRow compare(Parsed p) {
		if (!p.cells.problems.isEmpty()) {
			return p.cells.error();
		}
		PlannedRow.QuotaRow row = new PlannedRow.QuotaRow(p.schoolCode, p.year, p.graduates, p.share, p.highSchoolCode,
				p.highSchoolName, p.places);
		Optional<Figures.StoredYear> stored = figures.year(p.schoolCode, p.year);
		Integer storedPlaces = (stored.isPresent() && row.hasQuota())
				? figures.quotas(p.schoolCode, p.year).get(p.highSchoolCode) : null;
		if (stored.isEmpty() || (row.hasQuota() && storedPlaces == null)) {
			List<String> differences = new ArrayList<>();
			if (row.hasQuota()) {
				figures.highSchoolName(p.highSchoolCode)
					.filter(name -> !name.equals(p.highSchoolName))
					.ifPresent(name -> differences.add("high_school_name: " + name + " → " + p.highSchoolName));
			}
			stored.ifPresent(s -> yearDifferences(s, p, differences));
			return p.cells.planned(PlannedRow.Action.ADD, differences.isEmpty() ? null : String.join("; ", differences),
					row);
		}
		List<String> differences = new ArrayList<>();
		yearDifferences(stored.get(), p, differences);
		if (row.hasQuota()) {
			if (storedPlaces != p.places.intValue()) {
				differences.add("places: " + storedPlaces + " → " + p.places);
			}
			figures.highSchoolName(p.highSchoolCode)
				.filter(name -> !name.equals(p.highSchoolName))
				.ifPresent(name -> differences.add("high_school_name: " + name + " → " + p.highSchoolName));
		}
		return differences.isEmpty() ? p.cells.planned(PlannedRow.Action.UNCHANGED, null, row)
				: p.cells.planned(PlannedRow.Action.CHANGE, String.join("; ", differences), row);
	}

	private static void yearDifferences(Figures.StoredYear stored, Parsed p, List<String> differences) {
		if (stored.graduates() != p.graduates) {
			differences.add("graduates: " + stored.graduates() + " → " + p.graduates);
		}
		if (stored.shareEntered().compareTo(p.share) != 0) {
			differences.add("share_entered: " + stored.shareEntered().stripTrailingZeros().toPlainString() + " → "
					+ p.share.toPlainString());
		}
	}

	private int removals(List<Parsed> group) {
		Parsed first = group.getFirst();
		Set<String> listed = new LinkedHashSet<>();
		group.stream().filter(p -> p.highSchoolCode != null).forEach(p -> listed.add(p.highSchoolCode));
		return (int) figures.quotas(first.schoolCode, first.year)
			.keySet()
			.stream()
			.filter(code -> !listed.contains(code))
			.count();
	}

	static String headerKey(String cell) {
		String text = Normalizer.normalize((cell == null) ? "" : cell, Normalizer.Form.NFKC);
		text = text.replaceAll("\\(.*?\\)", "").replaceAll("[\\s*_]", "");
		return text.toLowerCase(Locale.ROOT);
	}

	/** A row read, before it is compared with what is stored. */
	private record Parsed(Cells cells, String schoolCode, Integer year, Integer graduates, BigDecimal share,
			String highSchoolCode, String highSchoolName, Integer places) {

		int number() {
			return cells.row.number();
		}

	}

	/** The values of one row by column key, and the problems found while reading them. */
	private static final class Cells {

		final SpreadsheetReader.Row row;

		final Map<String, Integer> columns;

		final List<ImportProblem> problems = new ArrayList<>();

		Cells(SpreadsheetReader.Row row, Map<String, Integer> columns) {
			this.row = row;
			this.columns = columns;
		}

		String text(String key) {
			Integer at = columns.get(key);
			if (at == null || at >= row.cells().size()) {
				return "";
			}
			return row.cells().get(at).strip();
		}

		String required(String key) {
			String text = text(key);
			if (text.isEmpty()) {
				problem(key, "opportunity.import.error.required");
			}
			return text;
		}

		Integer number(String key, int min, int max, boolean required) {
			String text = required ? required(key) : text(key);
			if (text.isEmpty()) {
				return null;
			}
			try {
				int value = Integer.parseInt(Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\.0+$", ""));
				if (value >= min && value <= max) {
					return value;
				}
			}
			catch (NumberFormatException ex) {
				// said below
			}
			problem(key, "opportunity.import.error.number", text, min, max);
			return null;
		}

		/** A percentage from 0 to 100 with at most one decimal; a trailing % is fine. */
		BigDecimal share(String key) {
			String text = required(key);
			if (text.isEmpty()) {
				return null;
			}
			try {
				BigDecimal value = new BigDecimal(
						Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s*%$", "").strip());
				value = value.stripTrailingZeros();
				if (value.signum() >= 0 && value.compareTo(HUNDRED) <= 0 && value.scale() <= 1) {
					return (value.scale() < 0) ? value.setScale(0) : value;
				}
			}
			catch (NumberFormatException ex) {
				// said below
			}
			problem(key, "opportunity.import.error.share", text);
			return null;
		}

		void problem(String column, String messageKey, Object... args) {
			problems.add(ImportProblem.of(column, messageKey, args));
		}

		PlannedRow error() {
			return new PlannedRow(row.number(), row.cells(), PlannedRow.Action.ERROR, null, problems, null);
		}

		PlannedRow planned(PlannedRow.Action action, String difference, PlannedRow.QuotaRow change) {
			return new PlannedRow(row.number(), row.cells(), action, difference, List.of(), change);
		}

	}

}
