package org.ruxue.app.junior;

/**
 * The three stages of the review chain (R-J4), in order: the graduating school, the
 * district moved out of, the district moved into.
 */
public enum TransferStage {

	SCHOOL("school"), OUT_DISTRICT("out"), IN_DISTRICT("in");

	private final String key;

	TransferStage(String key) {
		this.key = key;
	}

	/** The short name in path steps and events: school, out, in. */
	public String key() {
		return key;
	}

	public String messageKey() {
		return "junior.transfer.stage." + name();
	}

}
