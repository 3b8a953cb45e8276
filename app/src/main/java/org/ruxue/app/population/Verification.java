package org.ruxue.app.population;

/**
 * The population register's answer about an ID number and a name (R-P11). On a failure
 * the family either corrects a typo (cancel and register again) or, when the data match
 * their documents, goes to the police station's hukou office.
 */
public enum Verification {

	MATCH, NAME_MISMATCH, NOT_FOUND;

	public boolean passed() {
		return this == MATCH;
	}

}
