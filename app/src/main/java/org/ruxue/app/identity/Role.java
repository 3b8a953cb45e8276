package org.ruxue.app.identity;

/** The actors of REQUIREMENTS.md that sign in. */
public enum Role {

	PARENT, SCHOOL_STAFF, DISTRICT_OFFICER, CITY_ADMIN;

	/** The Spring Security authority of the role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
