package org.ruxue.app.zoning;

/** Which rule put an address's home in its school or schools (R-Z3, R-Z4). */
public enum ZoningRule {

	/** The zone has one school whatever the date. */
	SINGLE_SCHOOL,
	/**
	 * R-Z4: a certificate dated on or before the district's cutoff: the zone's school.
	 */
	ON_OR_BEFORE_CUTOFF,
	/** R-Z4: a certificate dated after the cutoff: the zone's lottery set. */
	AFTER_CUTOFF,
	/**
	 * R-Z4: a compound listed for multi-school allocation (多校派位登记小区): the set, always.
	 */
	MULTI_SCHOOL_COMPOUND;

	public String messageKey() {
		return "zoning.rule." + name();
	}

}
