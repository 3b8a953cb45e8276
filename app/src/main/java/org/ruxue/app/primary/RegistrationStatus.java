package org.ruxue.app.primary;

/**
 * Where a registration stands. Cancelled and rejected registrations are no longer active:
 * the child may register again (R-P4, R-P8).
 */
public enum RegistrationStatus {

	/** Waiting for the district's review. */
	SUBMITTED,
	/** The district approved it; the school may confirm acceptance. */
	APPROVED,
	/** The district asked the family to correct it (cancel and register again). */
	RETURNED,
	/** The district refused it, with a reason. */
	REJECTED,
	/** A school confirmed acceptance: no cancellation any more (R-P8). */
	ACCEPTED,
	/** Cancelled by the family inside the window or by the district after it (R-P8). */
	CANCELLED;

	public boolean active() {
		return this != CANCELLED && this != REJECTED;
	}

	public String messageKey() {
		return "primary.status." + name();
	}

}
