package org.ruxue.app.permits;

/**
 * Where an application stands. APPROVED and REJECTED are decisions, which the family sees
 * only once released (R-P15).
 */
public enum ApplicationStatus {

	DRAFT, SUBMITTED, MORE_REQUESTED, APPROVED, REJECTED, WITHDRAWN, REVOKED;

	public String messageKey() {
		return "permits.status." + name();
	}

	/**
	 * The key of what happens after this stage (issue 12), as the source's FAQ describes
	 * the five-certificate review (R-P15).
	 */
	public String nextStepKey() {
		return "permits.next." + name();
	}

	/** The family fills in details and uploads scans. */
	public boolean editable() {
		return this == DRAFT || this == MORE_REQUESTED;
	}

	public boolean decision() {
		return this == APPROVED || this == REJECTED;
	}

}
