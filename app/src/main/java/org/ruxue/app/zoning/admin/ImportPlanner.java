package org.ruxue.app.zoning.admin;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.ruxue.app.spreadsheet.SpreadsheetReader;
import org.ruxue.app.zoning.AddressMapping;
import org.ruxue.app.zoning.AddressView;
import org.ruxue.app.zoning.EntryLevel;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.SchoolLevel;
import org.ruxue.app.zoning.Schools;
import org.ruxue.app.zoning.ServiceZones;
import org.ruxue.app.zoning.ZoneDefinition;
import org.ruxue.app.zoning.ZoneView;
import org.ruxue.app.zoning.ZoningProblem;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Decides what each row of an import would do against what is stored: add, change,
 * unchanged, or its errors, column by column. Rows are keyed by natural keys (a school by
 * its code; an address by district, year, level and its text normalised for width and
 * blanks), so that importing the same file again finds every row unchanged. The same
 * planning runs for the preview and again inside the writing transaction.
 */
@Component
class ImportPlanner {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final Schools schools;

	private final ServiceZones zones;

	private final MessageSource messages;

	ImportPlanner(Schools schools, ServiceZones zones, MessageSource messages) {
		this.schools = schools;
		this.zones = zones;
		this.messages = messages;
	}

	/**
	 * Which column of the file holds which of the kind's columns.
	 * @throws ImportRefused when a required column is missing
	 */
	Map<String, Integer> columns(ImportKind kind, List<String> header) {
		Map<String, String> names = new HashMap<>();
		for (ImportKind.Column column : kind.columns()) {
			names.put(ImportKind.headerKey(column.key()), column.key());
			for (Locale locale : List.of(CHINESE, Locale.ENGLISH)) {
				names.put(ImportKind.headerKey(heading(column.key(), locale)), column.key());
			}
		}
		Map<String, Integer> columns = new LinkedHashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String key = names.get(ImportKind.headerKey(header.get(i)));
			if (key != null) {
				columns.putIfAbsent(key, i);
			}
		}
		List<String> missing = kind.columns()
			.stream()
			.filter(c -> c.required() && !columns.containsKey(c.key()))
			.map(c -> heading(c.key(), CHINESE))
			.toList();
		if (!missing.isEmpty()) {
			throw new ImportRefused("zoning.import.refused.header", String.join("、", missing));
		}
		return columns;
	}

	String heading(String key, Locale locale) {
		return messages.getMessage("zoning.import.column." + key, null, key, locale);
	}

	List<PlannedRow> plan(ImportKind kind, String district, Map<String, Integer> columns,
			List<SpreadsheetReader.Row> rows, IntConsumer progress) {
		Planning planning = (kind == ImportKind.SCHOOLS) ? new SchoolPlanning(district) : new AddressPlanning(district);
		List<PlannedRow> planned = new ArrayList<>(rows.size());
		for (SpreadsheetReader.Row row : rows) {
			planned.add(planning.plan(new Cells(row, columns)));
			if (planned.size() % 500 == 0) {
				progress.accept(planned.size());
			}
		}
		progress.accept(planned.size());
		return planned;
	}

	/**
	 * The templates' sample rows name a 示例小学 and a 示例小区: a template uploaded without
	 * replacing its sample row would otherwise add them.
	 */
	static void refuseTemplateSample(Cells cells, String column, String text) {
		if (text.contains(ImportTemplates.SAMPLE_MARK)) {
			cells.problems.add(ZoningProblem.of(column, "zoning.import.error.sample"));
		}
	}

	/** The text of an address as its key: NFKC (full-width to half-width), no blanks. */
	static String addressKey(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
	}

	/** The values of one row by column key, and the problems found while reading them. */
	static final class Cells {

		final SpreadsheetReader.Row row;

		final Map<String, Integer> columns;

		final List<ZoningProblem> problems = new ArrayList<>();

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
				problems.add(ZoningProblem.of(key, "zoning.import.error.required"));
			}
			return text;
		}

		Integer number(String key, int min, int max) {
			String text = required(key);
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
			problems.add(ZoningProblem.of(key, "zoning.import.error.number", text, min, max));
			return null;
		}

		List<String> list(String key) {
			String text = text(key);
			if (text.isEmpty()) {
				return List.of();
			}
			return Arrays.stream(text.split("[;；,，、\\n]"))
				.map(String::strip)
				.filter(s -> !s.isEmpty())
				.distinct()
				.toList();
		}

		boolean has(String field) {
			return problems.stream().anyMatch(p -> Objects.equals(p.field(), field));
		}

		void add(List<ZoningProblem> more) {
			more.stream().filter(p -> !has(p.field())).forEach(problems::add);
		}

		PlannedRow error() {
			return new PlannedRow(row.number(), row.cells(), PlannedRow.Action.ERROR, null, problems, null);
		}

		PlannedRow planned(PlannedRow.Action action, String difference, PlannedRow.Change change) {
			return new PlannedRow(row.number(), row.cells(), action, difference, List.of(), change);
		}

	}

	private interface Planning {

		PlannedRow plan(Cells cells);

	}

	/** Schools, keyed by code. */
	private final class SchoolPlanning implements Planning {

		private final String district;

		private final Map<String, Integer> codesSeen = new HashMap<>();

		private final Map<String, Integer> namesSeen = new HashMap<>();

		private final Map<String, String> namesStored;

		SchoolPlanning(String district) {
			this.district = district;
			this.namesStored = schools.inDistrict(district)
				.stream()
				.collect(Collectors.toMap(School::name, School::code, (a, b) -> a));
		}

		@Override
		public PlannedRow plan(Cells cells) {
			String code = cells.required("code");
			String name = cells.required("name");
			String districtCode = cells.required("district_code");
			if (!districtCode.isEmpty() && !districtCode.equals(district)) {
				cells.problems.add(ZoningProblem.of("district_code", "zoning.import.error.other-district", districtCode,
						district));
			}
			SchoolLevel level = schoolLevel(cells);
			Boolean publicSchool = ownership(cells);
			String address = cells.required("address");
			Integer seats = cells.number("seats_per_year", 1, 10_000);
			refuseTemplateSample(cells, "name", name);
			School school = new School(code, name, district, level, Boolean.TRUE.equals(publicSchool), address,
					(seats != null) ? seats : 1);
			cells.add(school.problems());
			Integer first = code.isEmpty() ? null : codesSeen.putIfAbsent(code, cells.row.number());
			if (first != null) {
				cells.problems.add(ZoningProblem.of("code", "zoning.import.error.duplicate", first));
			}
			Integer sameName = name.isEmpty() ? null : namesSeen.putIfAbsent(name, cells.row.number());
			if (sameName != null && first == null) {
				cells.problems.add(ZoningProblem.of("name", "zoning.import.error.duplicate", sameName));
			}
			Optional<School> stored = cells.has("code") ? Optional.empty() : schools.byCode(code);
			if (stored.isPresent() && !stored.get().districtCode().equals(district)) {
				cells.problems.add(ZoningProblem.of("code", "zoning.admin.error.school-other-district", code));
			}
			String owner = namesStored.get(name);
			if (owner != null && !owner.equals(code)) {
				cells.problems.add(ZoningProblem.of("name", "zoning.admin.error.school-name-taken", name));
			}
			if (!cells.problems.isEmpty()) {
				return cells.error();
			}
			PlannedRow.Change change = new PlannedRow.SchoolChange(school);
			if (stored.isEmpty()) {
				return cells.planned(PlannedRow.Action.ADD, null, change);
			}
			String difference = difference(stored.get(), school);
			return difference.isEmpty() ? cells.planned(PlannedRow.Action.UNCHANGED, null, change)
					: cells.planned(PlannedRow.Action.CHANGE, difference, change);
		}

		private SchoolLevel schoolLevel(Cells cells) {
			String text = cells.required("level");
			if (text.isEmpty()) {
				return null;
			}
			return switch (text.toUpperCase(Locale.ROOT).replace('-', '_')) {
				case "小学", "PRIMARY" -> SchoolLevel.PRIMARY;
				case "初中", "中学", "JUNIOR" -> SchoolLevel.JUNIOR;
				case "九年一贯制", "九年一贯", "NINE_YEAR" -> SchoolLevel.NINE_YEAR;
				default -> {
					cells.problems.add(ZoningProblem.of("level", "zoning.import.error.school-level", text));
					yield null;
				}
			};
		}

		private Boolean ownership(Cells cells) {
			String text = cells.required("ownership");
			if (text.isEmpty()) {
				return null;
			}
			return switch (text.toUpperCase(Locale.ROOT)) {
				case "公办", "PUBLIC" -> true;
				case "民办", "PRIVATE" -> false;
				default -> {
					cells.problems.add(ZoningProblem.of("ownership", "zoning.import.error.ownership", text));
					yield null;
				}
			};
		}

		private String difference(School before, School after) {
			List<String> differences = new ArrayList<>();
			differ(differences, "name", before.name(), after.name());
			differ(differences, "level", before.level(), after.level());
			differ(differences, "ownership", before.publicSchool() ? "公办" : "民办", after.publicSchool() ? "公办" : "民办");
			differ(differences, "address", before.address(), after.address());
			differ(differences, "seats_per_year", before.seatsPerYear(), after.seatsPerYear());
			return String.join("; ", differences);
		}

	}

	/** Address mappings with their zones, keyed by district, year, level and text. */
	private final class AddressPlanning implements Planning {

		private final String district;

		private final Map<Integer, Map<String, ZoneView>> zonesByYear = new HashMap<>();

		private final Map<Integer, Map<String, AddressView>> addressesByYear = new HashMap<>();

		private final Map<String, School> schoolCache = new HashMap<>();

		private final Map<String, ZoneInFile> zonesInFile = new HashMap<>();

		private final Map<String, Integer> addressesInFile = new HashMap<>();

		AddressPlanning(String district) {
			this.district = district;
		}

		@Override
		public PlannedRow plan(Cells cells) {
			String districtCode = cells.required("district_code");
			if (!districtCode.isEmpty() && !districtCode.equals(district)) {
				cells.problems.add(ZoningProblem.of("district_code", "zoning.import.error.other-district", districtCode,
						district));
			}
			Integer year = cells.number("year", 2000, 2100);
			EntryLevel level = entryLevel(cells);
			String zoneName = cells.required("zone_name");
			if (zoneName.length() > 200) {
				cells.problems.add(ZoningProblem.of("zone_name", "zoning.import.error.too-long", 200));
			}
			String schoolCode = cells.required("school_code");
			List<String> lottery = cells.list("lottery_school_codes");
			String text = cells.required("standard_text");
			refuseTemplateSample(cells, "standard_text", cells.text("standard_text"));
			if (!text.isEmpty() && (text.length() < 2 || text.length() > 200)) {
				cells.problems.add(ZoningProblem.of("standard_text", "zoning.import.error.address-length"));
			}
			String building = cells.text("building");
			if (building.length() > 50) {
				cells.problems.add(ZoningProblem.of("building", "zoning.import.error.too-long", 50));
			}
			List<String> aliases = cells.list("aliases");
			if (aliases.stream().anyMatch(a -> a.length() < 2 || a.length() > 200)) {
				cells.problems.add(ZoningProblem.of("aliases", "zoning.import.error.alias-length"));
			}
			Boolean multiSchool = yesNo(cells);
			if (Boolean.TRUE.equals(multiSchool) && lottery.isEmpty()) {
				cells.problems
					.add(ZoningProblem.of("lottery_school_codes", "zoning.import.error.compound-needs-lottery"));
			}
			if (!cells.problems.isEmpty()) {
				return cells.error();
			}
			ZoneDefinition zone = new ZoneDefinition(district, year, level, zoneName, schoolCode, lottery);
			cells.add(ServiceZones.problemsOf(zone, this::school));
			String zoneKey = year + "/" + level + "/" + zone.name();
			ZoneInFile sameZone = zonesInFile.putIfAbsent(zoneKey, new ZoneInFile(cells.row.number(), zone));
			if (sameZone != null && !ServiceZones.sameZone(sameZone.zone(), zone)) {
				cells.problems.add(ZoningProblem.of("school_code", "zoning.import.error.zone-differs", sameZone.row()));
			}
			String key = year + "/" + level + "/" + addressKey(text);
			Integer sameAddress = addressesInFile.putIfAbsent(key, cells.row.number());
			if (sameAddress != null) {
				cells.problems.add(ZoningProblem.of("standard_text", "zoning.import.error.duplicate", sameAddress));
			}
			if (!cells.problems.isEmpty()) {
				return cells.error();
			}
			AddressView stored = addresses(year).get(level + "/" + addressKey(text));
			// a re-import keeps the text as stored, so that a width variant is no new
			// address
			AddressMapping mapping = new AddressMapping(district, year, level, zone.name(),
					(stored != null) ? stored.standardText() : text, building, aliases,
					Boolean.TRUE.equals(multiSchool));
			List<String> differences = new ArrayList<>();
			ZoneView storedZone = zones(year).get(level + "/" + zone.name());
			if (storedZone != null && !ServiceZones.sameZone(storedZone.definition(), zone)) {
				differ(differences, "school_code", storedZone.schoolCode(), zone.schoolCode());
				differ(differences, "lottery_school_codes", String.join(";", storedZone.lotterySchoolCodes()),
						String.join(";", zone.lotterySchoolCodes()));
			}
			PlannedRow.Change change = new PlannedRow.AddressChange(zone, mapping);
			if (stored == null) {
				return cells.planned(PlannedRow.Action.ADD,
						differences.isEmpty() ? null : String.join("; ", differences), change);
			}
			AddressMapping before = stored.mapping();
			differ(differences, "zone_name", before.zoneName(), mapping.zoneName());
			differ(differences, "building", Objects.toString(before.building(), ""),
					Objects.toString(mapping.building(), ""));
			differ(differences, "aliases", String.join(";", before.aliases().stream().sorted().toList()),
					String.join(";", mapping.aliases().stream().sorted().toList()));
			differ(differences, "multi_school_compound", before.multiSchoolCompound() ? "是" : "否",
					mapping.multiSchoolCompound() ? "是" : "否");
			return differences.isEmpty() ? cells.planned(PlannedRow.Action.UNCHANGED, null, change)
					: cells.planned(PlannedRow.Action.CHANGE, String.join("; ", differences), change);
		}

		private Optional<School> school(String code) {
			School school = schoolCache.computeIfAbsent(code, c -> schools.byCode(c).orElse(null));
			return Optional.ofNullable(school);
		}

		private Map<String, ZoneView> zones(int year) {
			return zonesByYear.computeIfAbsent(year,
					y -> zones.zones(district, y)
						.stream()
						.collect(Collectors.toMap(z -> z.level() + "/" + z.name(), z -> z)));
		}

		private Map<String, AddressView> addresses(int year) {
			return addressesByYear.computeIfAbsent(year, y -> zones.addressesOf(district, y)
				.stream()
				.collect(Collectors.toMap(a -> a.level() + "/" + addressKey(a.standardText()), a -> a, (a, b) -> a)));
		}

		private EntryLevel entryLevel(Cells cells) {
			String text = cells.required("level");
			if (text.isEmpty()) {
				return null;
			}
			return switch (text.toUpperCase(Locale.ROOT)) {
				case "小学", "PRIMARY" -> EntryLevel.PRIMARY;
				case "初中", "JUNIOR" -> EntryLevel.JUNIOR;
				default -> {
					cells.problems.add(ZoningProblem.of("level", "zoning.import.error.entry-level", text));
					yield null;
				}
			};
		}

		private Boolean yesNo(Cells cells) {
			String text = cells.text("multi_school_compound");
			return switch (text.toUpperCase(Locale.ROOT)) {
				case "", "否", "N", "NO", "FALSE", "0" -> false;
				case "是", "Y", "YES", "TRUE", "1" -> true;
				default -> {
					cells.problems.add(ZoningProblem.of("multi_school_compound", "zoning.import.error.yes-no", text));
					yield null;
				}
			};
		}

		private record ZoneInFile(int row, ZoneDefinition zone) {

		}

	}

	private static void differ(List<String> differences, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			differences.add(field + ": " + before + " → " + after);
		}
	}

}
