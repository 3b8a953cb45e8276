package org.ruxue.app.registry;

/**
 * Where an enrollment's hand-off to the student registry stands (R-G3, docs/registry.md).
 */
public enum HandoffStatus {

	/** New or changed (a correction): to be sent. */
	PENDING,
	/** Taken by a sender right now. */
	SENDING,
	/** The registry took it but has not acknowledged it yet. */
	SENT,
	/** The registry holds it and gave its reference. */
	ACKNOWLEDGED,
	/**
	 * The last attempt failed: the registry could not be reached (sent again by the next
	 * send) or refused the record (sent again once the enrollment changes).
	 */
	FAILED

}
