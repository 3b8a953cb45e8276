package org.ruxue.app.calendar;

/** The phases of an enrollment year that other modules ask about. */
public enum PhaseKind {

	/** R-P1: families register children for primary entry. */
	PRIMARY_COLLECTION("R-P1"),

	/** R-P15: districts publish study-permit decisions from this day on. */
	STUDY_PERMIT_RESULTS("R-P15"),

	/** R-J4: graduating schools apply for a return to the hukou or home district. */
	JUNIOR_TRANSFER("R-J4"),

	/** R-J7: families fill in their junior-high preferences before the draw. */
	JUNIOR_PREFERENCES("R-J7"),

	/** R-J7: the one day the whole city draws. */
	LOTTERY_DAY("R-J7"),

	/** R-G8: results are announced and stay readable. */
	RESULT_PUBLICATION("R-G8");

	private final String requirement;

	PhaseKind(String requirement) {
		this.requirement = requirement;
	}

	public String requirement() {
		return requirement;
	}

	/** The key of the phase's name in messages*.properties. */
	public String messageKey() {
		return "phase." + name();
	}

}
