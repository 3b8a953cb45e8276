package org.ruxue.app.primary;

/** The population register's answer about a registration's people (R-P11). */
public enum IdentityCheck {

	/** Not asked yet, or the register was unavailable: asked again later. */
	PENDING,
	/** Every name and ID number matched. */
	VERIFIED,
	/** A name or an ID number did not match; the registration names the field. */
	MISMATCH;

	public String messageKey() {
		return "primary.check." + name();
	}

}
