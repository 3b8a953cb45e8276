package org.ruxue.app.zoning;

import java.util.List;

/**
 * One standardised address of the dictionary with its zone and schools, as the search
 * index holds it in memory.
 */
record DictionaryEntry(long id, String districtCode, int year, EntryLevel level, String standardText, String building,
		List<String> aliases, boolean multiSchoolCompound, String zoneName, ZoneSchool school,
		List<ZoneSchool> lotterySchools) {

	DictionaryEntry {
		aliases = List.copyOf(aliases);
		lotterySchools = List.copyOf(lotterySchools);
	}

}
