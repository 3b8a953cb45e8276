package org.ruxue.app.zoning;

import java.time.LocalDate;

/**
 * What the open lookup is asked (R-Z3).
 *
 * @param address the address as typed
 * @param districtCode only this district, null for any
 * @param level only this entry, null for both
 * @param certificateDate the property certificate's date, null when not known
 * @param year the zones of this year, null for each district's current zones
 */
public record ZoneQuery(String address, String districtCode, EntryLevel level, LocalDate certificateDate,
		Integer year) {

	public ZoneQuery {
		if (address == null || address.isBlank()) {
			throw new InvalidZoneQuery("zoning.error.address-empty", "Please type an address");
		}
		if (districtCode != null && districtCode.isBlank()) {
			districtCode = null;
		}
		if (districtCode != null && !districtCode.matches("11[0-9]{4}")) {
			throw new InvalidZoneQuery("zoning.error.district-code",
					"district is a Beijing district code such as 110105");
		}
		if (year != null && (year < 2000 || year > 2100)) {
			throw new InvalidZoneQuery("zoning.error.year", "year is an enrollment year such as 2017");
		}
	}

	public static ZoneQuery of(String address) {
		return new ZoneQuery(address, null, null, null, null);
	}

}
