package org.ruxue.app.zoning;

import java.time.LocalDate;
import java.util.List;

/**
 * R-Z4: in a multi-school area a home whose property certificate is dated after the
 * district's cutoff maps to the zone's set of schools, on or before it to the zone's one
 * school; a compound listed for multi-school allocation maps to the set whatever the
 * date. Without a certificate date both outcomes are given, with the cutoff, because the
 * parent may not have the certificate at hand.
 */
final class MultiSchoolZoningRule {

	private MultiSchoolZoningRule() {
	}

	/**
	 * @param cutoff the district's cutoff in the zone's year, null when it has none
	 * @param certificateDate the date on the property certificate, null when not given
	 */
	static List<ZoningOutcome> apply(DictionaryEntry entry, LocalDate cutoff, LocalDate certificateDate) {
		List<ZoneSchool> single = List.of(entry.school());
		List<ZoneSchool> set = entry.lotterySchools();
		if (set.isEmpty()) {
			return List.of(new ZoningOutcome(ZoningRule.SINGLE_SCHOOL, single, null));
		}
		if (entry.multiSchoolCompound()) {
			return List.of(new ZoningOutcome(ZoningRule.MULTI_SCHOOL_COMPOUND, set, cutoff));
		}
		if (cutoff == null) {
			// a lottery set without a cutoff that year: nothing puts the home in the set
			return List.of(new ZoningOutcome(ZoningRule.SINGLE_SCHOOL, single, null));
		}
		var before = new ZoningOutcome(ZoningRule.ON_OR_BEFORE_CUTOFF, single, cutoff);
		var after = new ZoningOutcome(ZoningRule.AFTER_CUTOFF, set, cutoff);
		if (certificateDate == null) {
			return List.of(before, after);
		}
		return List.of(certificateDate.isAfter(cutoff) ? after : before);
	}

}
