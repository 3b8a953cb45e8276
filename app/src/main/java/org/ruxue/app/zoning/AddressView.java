package org.ruxue.app.zoning;

import java.util.List;

/** A stored address mapping as the officer's pages list it. */
public record AddressView(long id, String districtCode, int year, EntryLevel level, String zoneName,
		String standardText, String building, List<String> aliases, boolean multiSchoolCompound) {

	public AddressView {
		aliases = List.copyOf(aliases);
	}

	public AddressMapping mapping() {
		return new AddressMapping(districtCode, year, level, zoneName, standardText, building, aliases,
				multiSchoolCompound);
	}

}
