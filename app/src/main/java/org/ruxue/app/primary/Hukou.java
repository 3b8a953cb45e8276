package org.ruxue.app.primary;

/**
 * The child's household registration (户籍). A Beijing collective hukou (集体户口) follows the
 * same flow as a Beijing one (R-P13); a non-local child needs a study permit (R-P7).
 */
public enum Hukou {

	BEIJING, BEIJING_COLLECTIVE, NON_LOCAL;

	public boolean local() {
		return this != NON_LOCAL;
	}

}
