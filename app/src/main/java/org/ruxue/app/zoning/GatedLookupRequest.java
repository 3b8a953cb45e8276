package org.ruxue.app.zoning;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The identity-gated lookup's question (R-Z2, the Dongcheng way): who asks, and the
 * address. The ID numbers are checked for form here (GB 11643-1999: 17 digits and a MOD
 * 11-2 check character); the population module owns the full value object, but it depends
 * on this module, so the check is repeated rather than imported.
 */
public record GatedLookupRequest(String childName, String childIdNumber, String guardianName, String guardianIdNumber,
		String guardianMobile, String address, String districtCode, EntryLevel level, LocalDate certificateDate) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	public GatedLookupRequest {
		if (childName == null || childName.isBlank() || guardianName == null || guardianName.isBlank()) {
			throw new InvalidZoneQuery("zoning.error.names", "Please give the child's and the guardian's names");
		}
		childIdNumber = idNumber(childIdNumber, "child");
		guardianIdNumber = idNumber(guardianIdNumber, "guardian");
		if (childIdNumber.equals(guardianIdNumber)) {
			throw new InvalidZoneQuery("zoning.error.same-id",
					"The child's and the guardian's ID numbers are the same");
		}
		guardianMobile = (guardianMobile != null) ? guardianMobile.strip() : "";
		if (!guardianMobile.matches("1[3-9][0-9]{9}")) {
			throw new InvalidZoneQuery("zoning.error.mobile",
					"The guardian's mobile number has 11 digits and starts with 1");
		}
		if (districtCode == null || !districtCode.matches("11[0-9]{4}")) {
			throw new InvalidZoneQuery("zoning.error.district-choose", "Please choose the district");
		}
		if (address == null || address.isBlank()) {
			throw new InvalidZoneQuery("zoning.error.address-empty", "Please type an address");
		}
	}

	private static String idNumber(String text, String whose) {
		String value = (text != null) ? text.strip().toUpperCase(Locale.ROOT) : "";
		if (!value.matches("[0-9]{17}[0-9X]")) {
			throw new InvalidZoneQuery("zoning.error.id-form." + whose,
					"The " + whose + " ID number is 17 digits followed by a digit or X");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (value.charAt(i) - '0') * WEIGHTS[i];
		}
		if ("10X98765432".charAt(sum % 11) != value.charAt(17)) {
			throw new InvalidZoneQuery("zoning.error.id-check." + whose,
					"The " + whose + " ID number does not add up: please compare every digit with the ID card");
		}
		return value;
	}

	@Override
	public String toString() {
		// never the names, ID numbers or mobile in a log
		return "GatedLookupRequest[district=" + districtCode + "]";
	}

}
