package org.ruxue.app.zoning;

/**
 * A school of compulsory education.
 *
 * @param code the school's code, also its code in lottery snapshots (LOTTERY.md)
 * @param publicSchool false for a private school (民办)
 */
public record School(String code, String name, String districtCode, SchoolLevel level, boolean publicSchool,
		String address, int seatsPerYear) {

	/**
	 * What keeps the school from being saved: the code is also a lottery code
	 * (LOTTERY.md's alphabet), the seats are a positive number of places.
	 */
	public java.util.List<ZoningProblem> problems() {
		java.util.List<ZoningProblem> problems = new java.util.ArrayList<>();
		if (code == null || !code.matches("[A-Za-z0-9_-]{1,64}")) {
			problems.add(ZoningProblem.of("code", "zoning.admin.error.school-code"));
		}
		if (name == null || name.isBlank() || name.length() > 200) {
			problems.add(ZoningProblem.of("name", "zoning.admin.error.school-name"));
		}
		if (districtCode == null || !districtCode.matches("11[0-9]{4}")) {
			problems.add(ZoningProblem.of("district_code", "zoning.admin.error.district-code"));
		}
		if (level == null) {
			problems.add(ZoningProblem.of("level", "zoning.admin.error.school-level"));
		}
		if (address == null || address.isBlank() || address.length() > 200) {
			problems.add(ZoningProblem.of("address", "zoning.admin.error.school-address"));
		}
		if (seatsPerYear < 1 || seatsPerYear > 10_000) {
			problems.add(ZoningProblem.of("seats_per_year", "zoning.admin.error.seats"));
		}
		return problems;
	}

	/** A short description of every field, for the audit trail's before and after. */
	String summary() {
		return String.join("|", code, name, districtCode, level.name(), publicSchool ? "公办" : "民办", address,
				Integer.toString(seatsPerYear));
	}

}
