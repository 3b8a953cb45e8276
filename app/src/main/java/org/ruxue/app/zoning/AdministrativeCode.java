package org.ruxue.app.zoning;

/**
 * A county-level administrative code (GB/T 2260) as it was used over time.
 *
 * @param inUseFrom the year the code came into use
 * @param retiredIn the year it was retired, null while in use
 * @param successorCode the code that took over a retired one, null while in use
 */
public record AdministrativeCode(String code, String name, int inUseFrom, Integer retiredIn, String successorCode) {

	public boolean isRetired() {
		return retiredIn != null;
	}

	/**
	 * Whether an ID number issued in that year could carry the code; a code retired in
	 * the course of a year counts for the year before only.
	 */
	public boolean wasInUseIn(int year) {
		return inUseFrom <= year && (retiredIn == null || year < retiredIn);
	}

}
