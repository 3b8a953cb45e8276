package org.ruxue.app.registry;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.population.InvalidIdCardNumberException;
import org.ruxue.app.spreadsheet.SpreadsheetReader;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.Schools;

import org.springframework.stereotype.Component;

/**
 * Checks the rows of a registry export one by one and against each other (R-J1,
 * docs/registry.md): every required cell, the ID number's form and check digit, sex and
 * birth date agreeing with it, a known school in the district the row states, known
 * districts, a mainland mobile, and no education ID or ID number twice in the file. A row
 * with any problem is reported and not imported; the others are.
 */
@Component
class GraduateCheck {

	private static final List<DateTimeFormatter> DATES = List
		.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuuMMdd", "uuuu年M月d日")
		.stream()
		.map(p -> DateTimeFormatter.ofPattern(p, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT))
		.toList();

	private static final int MAX_TEXT = 50;

	private static final java.util.regex.Pattern EDUCATION_ID = java.util.regex.Pattern.compile("[A-Z0-9]{6,32}");

	/** What the check found: the valid rows, typed, and the problems of the others. */
	record Outcome(List<CheckedGraduate> valid, List<ImportProblem> problems, int rowsWithErrors) {

	}

	/** The schools and districts rows are checked against, read once per import. */
	record Reference(Map<String, School> schools, Map<String, String> districtNames) {

	}

	private final Schools schools;

	private final Districts districts;

	GraduateCheck(Schools schools, Districts districts) {
		this.schools = schools;
		this.districts = districts;
	}

	Reference reference() {
		Map<String, String> names = new LinkedHashMap<>();
		Map<String, School> known = new HashMap<>();
		for (District district : districts.all()) {
			names.put(district.code(), district.name());
			schools.inDistrict(district.code()).forEach(s -> known.put(s.code(), s));
		}
		return new Reference(known, names);
	}

	Outcome check(Map<String, Integer> columns, List<SpreadsheetReader.Row> rows, IntConsumer progress) {
		Reference reference = reference();
		List<ImportProblem> problems = new ArrayList<>();
		List<CheckedGraduate> typed = new ArrayList<>(rows.size());
		Map<String, List<Integer>> byEducationId = new HashMap<>();
		Map<String, List<Integer>> byIdNumber = new HashMap<>();
		int checked = 0;
		for (SpreadsheetReader.Row row : rows) {
			Cells cells = new Cells(row, columns, problems);
			CheckedGraduate graduate = parse(cells, reference);
			if (graduate != null) {
				typed.add(graduate);
			}
			if (cells.educationId != null) {
				byEducationId.computeIfAbsent(cells.educationId, k -> new ArrayList<>(1)).add(row.number());
			}
			if (cells.idNumber != null) {
				byIdNumber.computeIfAbsent(cells.idNumber, k -> new ArrayList<>(1)).add(row.number());
			}
			if (++checked % 5000 == 0) {
				progress.accept(checked);
			}
		}
		duplicates(byEducationId, "education_id", "registry.import.error.duplicate-education-id", problems);
		duplicates(byIdNumber, "id_number", "registry.import.error.duplicate-id-number", problems);
		Set<Integer> bad = problems.stream().map(ImportProblem::row).collect(Collectors.toSet());
		List<CheckedGraduate> valid = typed.stream().filter(g -> !bad.contains(g.row())).toList();
		problems.sort(java.util.Comparator.comparingInt(ImportProblem::row));
		return new Outcome(valid, problems, bad.size());
	}

	private static void duplicates(Map<String, List<Integer>> rowsByKey, String column, String messageKey,
			List<ImportProblem> problems) {
		for (List<Integer> rows : rowsByKey.values()) {
			if (rows.size() > 1) {
				for (int row : rows) {
					String others = rows.stream()
						.filter(r -> r != row)
						.map(String::valueOf)
						.collect(Collectors.joining("、"));
					problems.add(ImportProblem.of(row, column, messageKey, others));
				}
			}
		}
	}

	private CheckedGraduate parse(Cells cells, Reference reference) {
		String educationId = cells.required("education_id").toUpperCase(Locale.ROOT);
		if (!educationId.isEmpty() && !EDUCATION_ID.matcher(educationId).matches()) {
			cells.problem("education_id", "registry.import.error.education-id");
		}
		else if (!educationId.isEmpty()) {
			cells.educationId = educationId;
		}
		String name = cells.required("name");
		cells.maxLength("name", name);
		IdCardNumber idNumber = idNumber(cells);
		String sex = sex(cells, idNumber);
		LocalDate birthDate = birthDate(cells, idNumber);
		String districtCode = district(cells, "district_code", true, reference);
		String schoolCode = school(cells, districtCode, reference);
		String className = cells.text("class_name");
		cells.maxLength("class_name", className);
		String hukouDistrictCode = district(cells, "hukou_district_code", false, reference);
		String guardianName = cells.text("guardian_name");
		cells.maxLength("guardian_name", guardianName);
		MobileNumber mobile = mobile(cells);
		if (!cells.clean) {
			return null;
		}
		return new CheckedGraduate(cells.row.number(), educationId, idNumber, name, sex, birthDate, schoolCode,
				className.isEmpty() ? null : className, districtCode, hukouDistrictCode,
				guardianName.isEmpty() ? null : guardianName, mobile);
	}

	private static IdCardNumber idNumber(Cells cells) {
		String text = cells.required("id_number");
		if (text.isEmpty()) {
			return null;
		}
		try {
			IdCardNumber number = IdCardNumber.parse(text);
			cells.idNumber = number.value();
			return number;
		}
		catch (InvalidIdCardNumberException ex) {
			cells.problem("id_number",
					"registry.import.error.id-number." + ex.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
			return null;
		}
	}

	private static String sex(Cells cells, IdCardNumber idNumber) {
		String text = cells.required("sex");
		if (text.isEmpty()) {
			return null;
		}
		String sex = switch (text.toUpperCase(Locale.ROOT)) {
			case "男", "M", "MALE", "1" -> "MALE";
			case "女", "F", "FEMALE", "2" -> "FEMALE";
			default -> null;
		};
		if (sex == null) {
			cells.problem("sex", "registry.import.error.sex", text);
		}
		else if (idNumber != null && idNumber.isMale() != sex.equals("MALE")) {
			cells.problem("sex", "registry.import.error.sex-differs");
		}
		return sex;
	}

	private static LocalDate birthDate(Cells cells, IdCardNumber idNumber) {
		String text = cells.required("birth_date");
		if (text.isEmpty()) {
			return null;
		}
		if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
			try {
				LocalDate date = LocalDate.parse(text);
				if (idNumber != null && !date.equals(idNumber.birthDate())) {
					cells.problem("birth_date", "registry.import.error.birth-date-differs");
				}
				return date;
			}
			catch (DateTimeParseException ex) {
				// the other formats
			}
		}
		for (DateTimeFormatter format : DATES) {
			try {
				LocalDate date = LocalDate.parse(text, format);
				if (idNumber != null && !date.equals(idNumber.birthDate())) {
					cells.problem("birth_date", "registry.import.error.birth-date-differs");
				}
				return date;
			}
			catch (DateTimeParseException ex) {
				// the next format
			}
		}
		cells.problem("birth_date", "registry.import.error.date");
		return null;
	}

	private static String district(Cells cells, String column, boolean required, Reference reference) {
		String code = required ? cells.required(column) : cells.text(column);
		if (code.isEmpty()) {
			return null;
		}
		if (!reference.districtNames().containsKey(code)) {
			cells.problem(column, "registry.import.error.unknown-district", code);
			return null;
		}
		return code;
	}

	private static String school(Cells cells, String districtCode, Reference reference) {
		String code = cells.required("school_code");
		if (code.isEmpty()) {
			return null;
		}
		School school = reference.schools().get(code);
		if (school == null) {
			cells.problem("school_code", "registry.import.error.unknown-school", code);
		}
		else if (districtCode != null && !school.districtCode().equals(districtCode)) {
			cells.problem("school_code", "registry.import.error.school-district", code, school.name(),
					reference.districtNames().get(school.districtCode()), reference.districtNames().get(districtCode));
		}
		return code;
	}

	private static MobileNumber mobile(Cells cells) {
		String text = cells.required("guardian_mobile");
		if (text.isEmpty()) {
			return null;
		}
		try {
			return MobileNumber.parse(text);
		}
		catch (IllegalArgumentException ex) {
			cells.problem("guardian_mobile", "registry.import.error.mobile");
			return null;
		}
	}

	/** The cells of one row by column key, and what is wrong with them. */
	private static final class Cells {

		final SpreadsheetReader.Row row;

		final Map<String, Integer> columns;

		final List<ImportProblem> problems;

		boolean clean = true;

		String educationId;

		String idNumber;

		Cells(SpreadsheetReader.Row row, Map<String, Integer> columns, List<ImportProblem> problems) {
			this.row = row;
			this.columns = columns;
			this.problems = problems;
		}

		String text(String key) {
			Integer at = columns.get(key);
			if (at == null || at >= row.cells().size()) {
				return "";
			}
			String cell = row.cells().get(at);
			return (cell == null) ? "" : cell.strip();
		}

		String required(String key) {
			String text = text(key);
			if (text.isEmpty()) {
				problem(key, "registry.import.error.required");
			}
			return text;
		}

		void maxLength(String key, String text) {
			if (text != null && text.length() > MAX_TEXT) {
				problem(key, "registry.import.error.too-long", MAX_TEXT);
			}
		}

		void problem(String key, String messageKey, Object... args) {
			clean = false;
			problems.add(ImportProblem.of(row.number(), key, messageKey, args));
		}

	}

}
