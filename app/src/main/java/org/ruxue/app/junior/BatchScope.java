package org.ruxue.app.junior;

/**
 * Which schools a batch offers a student (R-J7), as a kind the platform resolves from
 * zoning's data. A kind is offered only when that data can answer it for every student:
 * the registry keeps no home address, so the junior highs of the student's home zone
 * ({@link #NEARBY}) cannot be known and the kind is not offered.
 */
public enum BatchScope {

	/** The junior highs of the service zone of the student's home: not answerable. */
	NEARBY(false),

	/** Every school of the student's district that takes junior entry. */
	DISTRICT(true),

	/**
	 * The junior highs whose zones cover the homes the student's graduating primary
	 * school serves (zoning's primary and junior zones of the year over the same
	 * addresses).
	 */
	OWN_AREA(true);

	private final boolean offered;

	BatchScope(boolean offered) {
		this.offered = offered;
	}

	/** Whether the city may give a batch this scope. */
	public boolean offered() {
		return offered;
	}

	public String messageKey() {
		return "junior.scope." + name();
	}

	/** The scope written as a form sends it, or null when it is none of the kinds. */
	static BatchScope parse(String text) {
		for (BatchScope scope : values()) {
			if (scope.name().equals(text)) {
				return scope;
			}
		}
		return null;
	}

}
