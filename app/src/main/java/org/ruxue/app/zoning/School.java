package org.ruxue.app.zoning;

/**
 * A school of compulsory education.
 *
 * @param code the school's code, also its code in lottery snapshots (LOTTERY.md)
 * @param publicSchool false for a private school (民办)
 */
public record School(String code, String name, String districtCode, SchoolLevel level, boolean publicSchool,
		String address, int seatsPerYear) {

}
