package org.ruxue.app.admission;

/** What a decision after a published result is. */
public enum DecisionKind {

	/** The city corrects a published result, with a reason (R-G8). */
	CORRECTION,
	/**
	 * The district places a child that its zone's school could not seat at a school with
	 * free seats (R-Z4).
	 */
	DISTRICT_ALLOCATION;

	public String messageKey() {
		return "admission.decision." + name();
	}

}
