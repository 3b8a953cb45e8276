package org.ruxue.app.audit;

/**
 * Who did something: an account and the role it acted in, and whom it acted for (a
 * district officer registering an over-age child acts on behalf of the family).
 */
public record Actor(String name, String role, String onBehalfOf) {

	public static final Actor SYSTEM = new Actor("system", "SYSTEM", null);

	public Actor {
		if (name == null || name.isBlank() || role == null || role.isBlank()) {
			throw new IllegalArgumentException("An actor needs a name and a role");
		}
	}

	public static Actor of(String name, String role) {
		return new Actor(name, role, null);
	}

}
