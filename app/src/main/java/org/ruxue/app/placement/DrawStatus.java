package org.ruxue.app.placement;

/** Where a draw stands; it only ever moves forward. */
public enum DrawStatus {

	/** The snapshot is frozen and its hash published; the draw has not run. */
	FROZEN,
	/** The draw ran, its result was checked and stored; families do not see it yet. */
	DRAWN,
	/** The result is announced (R-G8) and can never change. */
	PUBLISHED;

	public String messageKey() {
		return "placement.status." + name();
	}

}
