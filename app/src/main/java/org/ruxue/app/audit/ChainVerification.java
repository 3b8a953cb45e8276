package org.ruxue.app.audit;

/**
 * The outcome of re-computing the chain: intact, or the first position at which it breaks
 * and why (an entry changed, an entry missing, entries reordered).
 */
public record ChainVerification(long entriesChecked, Long firstBrokenPosition, String problem) {

	public static ChainVerification intact(long entriesChecked) {
		return new ChainVerification(entriesChecked, null, null);
	}

	public boolean isIntact() {
		return firstBrokenPosition == null;
	}

}
