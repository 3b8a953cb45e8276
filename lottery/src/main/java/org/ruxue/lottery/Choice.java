package org.ruxue.lottery;

/**
 * One school on a student's list with the student's priority tier there; {@code batch} is
 * 1-based.
 */
public record Choice(String school, int tier, int batch) {

	/** A first-batch choice. */
	public static Choice of(String school, int tier) {
		return new Choice(school, tier, 1);
	}

}
