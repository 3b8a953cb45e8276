package org.ruxue.app.zoning;

import java.util.List;

/** A stored service zone as the officer's pages list it. */
public record ZoneView(long id, String districtCode, int year, EntryLevel level, String name, String schoolCode,
		List<String> lotterySchoolCodes, int addresses) {

	public ZoneView {
		lotterySchoolCodes = List.copyOf(lotterySchoolCodes);
	}

	public ZoneDefinition definition() {
		return new ZoneDefinition(districtCode, year, level, name, schoolCode, lotterySchoolCodes);
	}

}
