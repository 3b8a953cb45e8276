package org.ruxue.app.zoning;

/** Why a dictionary address was offered for what the parent typed, best first. */
public enum MatchKind {

	/** After normalisation the typed address is the standard address. */
	EXACT,
	/** After normalisation the typed address is one of the address's aliases. */
	ALIAS,
	/** One contains the other, e.g. the typed text names a part of the compound. */
	CONTAINS,
	/** A few characters differ: a typo or a homophone. */
	SIMILAR;

	public String messageKey() {
		return "zoning.match." + name();
	}

}
