package org.ruxue.app.zoning;

import java.util.List;

/**
 * A service zone as a district draws it for a year.
 *
 * @param schoolCode the one school (R-Z4: for certificates on or before the cutoff)
 * @param lotterySchoolCodes the set for certificates after the cutoff and for
 * multi-school compounds; empty for a single-school zone
 */
public record ZoneDefinition(String districtCode, int year, EntryLevel level, String name, String schoolCode,
		List<String> lotterySchoolCodes) {

	public ZoneDefinition {
		if (districtCode == null || !districtCode.matches("11[0-9]{4}")) {
			throw new IllegalArgumentException("A zone needs its district's code, such as 110105");
		}
		if (year < 2000 || year > 2100) {
			throw new IllegalArgumentException("A zone belongs to an enrollment year such as 2017");
		}
		if (level == null) {
			throw new IllegalArgumentException("A zone is for primary or junior entry");
		}
		if (name == null || name.isBlank() || name.length() > 200) {
			throw new IllegalArgumentException("A zone needs a name of at most 200 characters");
		}
		if (schoolCode == null || schoolCode.isBlank()) {
			throw new IllegalArgumentException("A zone needs its school");
		}
		name = name.strip();
		lotterySchoolCodes = List.copyOf(lotterySchoolCodes);
	}

	String subjectId() {
		return districtCode + "/" + year + "/" + level + "/" + name;
	}

}
