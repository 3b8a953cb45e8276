package org.ruxue.app.identity;

/**
 * What the level above fills in to create a staff account: the city creates district
 * officers, a district creates its school staff.
 */
public record NewAccount(String username, String displayName, Role role, String districtCode, String schoolCode) {

	public NewAccount {
		if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
			throw new IllegalArgumentException("A username is 3 to 64 lower-case letters, digits, '.', '_' or '-'");
		}
		if (role == Role.DISTRICT_OFFICER && districtCode == null) {
			throw new IllegalArgumentException("A district officer belongs to a district");
		}
		if (role == Role.SCHOOL_STAFF && schoolCode == null) {
			throw new IllegalArgumentException("School staff belong to a school");
		}
	}

}
