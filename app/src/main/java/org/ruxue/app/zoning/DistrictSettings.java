package org.ruxue.app.zoning;

/**
 * A district's zoning settings.
 *
 * @param gatedLookup R-Z2: the lookup asks for identity
 * @param placeIntervalYears 六年一学位: years per primary place from one home, null when the
 * district does not apply it
 */
public record DistrictSettings(String districtCode, String contactOffice, String contactPhone, boolean gatedLookup,
		Integer placeIntervalYears) {

	String summary() {
		return "office=" + contactOffice + " phone=" + contactPhone + " gated=" + gatedLookup + " interval="
				+ placeIntervalYears;
	}

}
