package org.ruxue.app.zoning;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a home goes under one rule: one school, or a set of schools among which the
 * placement lottery allocates (R-Z4).
 *
 * @param cutoff the district's cutoff the rule compared with, null when none applied
 */
public record ZoningOutcome(ZoningRule rule, List<ZoneSchool> schools, LocalDate cutoff) {

	public ZoningOutcome {
		schools = List.copyOf(schools);
	}

	public boolean byLottery() {
		return rule == ZoningRule.AFTER_CUTOFF || rule == ZoningRule.MULTI_SCHOOL_COMPOUND;
	}

}
