package org.ruxue.app.placement;

/** Where a chance estimate stands. */
public enum EstimateStatus {

	/** Asked for; waits for the node's estimate worker. */
	QUEUED,
	/** Reading the preferences or simulating. */
	RUNNING,
	/** Its figures are the district's current ones (until the next run finishes). */
	FINISHED,
	/** Stopped without figures; the district keeps its previous ones. */
	FAILED;

	public boolean active() {
		return this == QUEUED || this == RUNNING;
	}

	public String messageKey() {
		return "estimates.status." + name();
	}

}
