package org.ruxue.app.registry;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.zoning.EntryLevel;

/**
 * A child's enrollment at a school, as handed over to the electronic student registry
 * (R-G3): without it a child gets no student record (R-P12). {@code key} identifies it in
 * its year and level: the education ID for junior entry, the primary registration number
 * for primary entry (new pupils have no education ID yet; the registry gives them one).
 * {@code method} says how the place was won (R-G9): {@code LOTTERY}, {@code ZONE},
 * {@code DISTRICT_ALLOCATION}, {@code ROUTE}, {@code CORRECTION}, ….
 *
 * @param idNumber the child's ID number, if known
 * @param educationId the education ID: required for junior entry, and then the key
 */
public record Enrollment(EntryLevel level, int year, String key, String districtCode, String schoolCode, String method,
		String name, String sex, LocalDate birthDate, IdCardNumber idNumber, String educationId) {

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{1,40}");

	private static final Pattern DISTRICT = Pattern.compile("[0-9]{6}");

	private static final Pattern SCHOOL = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final Pattern METHOD = Pattern.compile("[A-Z_]{1,40}");

	private static final Pattern EDUCATION_ID = Pattern.compile("[A-Z0-9]{4,32}");

	public Enrollment {
		Objects.requireNonNull(level, "level");
		Objects.requireNonNull(birthDate, "birthDate");
		name = (name != null) ? name.strip() : null;
		require(year >= 2000 && year <= 2100, "year", year);
		require(key != null && KEY.matcher(key).matches(), "key", key);
		require(districtCode != null && DISTRICT.matcher(districtCode).matches(), "districtCode", districtCode);
		require(schoolCode != null && SCHOOL.matcher(schoolCode).matches(), "schoolCode", schoolCode);
		require(method != null && METHOD.matcher(method).matches(), "method", method);
		require(name != null && !name.isEmpty() && name.length() <= 50, "name", key);
		require("MALE".equals(sex) || "FEMALE".equals(sex), "sex", sex);
		require(educationId == null || EDUCATION_ID.matcher(educationId).matches(), "educationId", key);
		if (level == EntryLevel.JUNIOR) {
			// a junior student is known to the registry by its education ID (R-J1)
			require(educationId != null && educationId.equals(key), "educationId (the key of a junior enrollment)",
					key);
		}
		if (idNumber != null) {
			require(idNumber.birthDate().equals(birthDate), "birthDate (differs from the ID number's)", key);
			require(idNumber.isMale() == "MALE".equals(sex), "sex (differs from the ID number's)", key);
		}
	}

	private static void require(boolean valid, String field, Object shown) {
		if (!valid) {
			throw new IllegalArgumentException("An enrollment needs a valid " + field + ": " + shown);
		}
	}

}
