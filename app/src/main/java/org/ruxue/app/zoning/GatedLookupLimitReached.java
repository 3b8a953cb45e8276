package org.ruxue.app.zoning;

/**
 * R-Z2: an ID number has looked up its two distinct addresses in the district this year.
 */
public class GatedLookupLimitReached extends RuntimeException {

	public GatedLookupLimitReached(int limit) {
		super("This ID number has already looked up " + limit
				+ " different addresses in this district this year, the most allowed. Addresses already looked "
				+ "up can be looked up again; for another address please ask the district office.");
	}

}
