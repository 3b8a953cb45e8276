package org.ruxue.app.zoning;

import java.util.List;

/**
 * A standardised address mapped to a zone for a year.
 *
 * @param standardText the address as the district writes it, e.g. 华纺易城 or 志新西路1号院
 * @param building the building when a compound is split between zones, else null
 * @param aliases other names parents use for it
 * @param multiSchoolCompound listed for multi-school allocation (多校派位登记小区)
 */
public record AddressMapping(String districtCode, int year, EntryLevel level, String zoneName, String standardText,
		String building, List<String> aliases, boolean multiSchoolCompound) {

	public AddressMapping {
		if (standardText == null || standardText.strip().length() < 2 || standardText.length() > 200) {
			throw new IllegalArgumentException("An address has 2 to 200 characters");
		}
		if (zoneName == null || zoneName.isBlank()) {
			throw new IllegalArgumentException("An address maps to a zone: give the zone's name");
		}
		standardText = standardText.strip();
		building = (building == null || building.isBlank()) ? null : building.strip();
		aliases = aliases.stream().map(String::strip).filter(a -> a.length() >= 2).distinct().toList();
	}

	String subjectId() {
		return districtCode + "/" + year + "/" + level + "/" + standardText;
	}

}
