package org.ruxue.lottery;

/**
 * A snapshot that breaks a rule of LOTTERY.md section 1, naming the first broken rule and
 * its line so that whoever produced the file can fix it.
 */
public class InvalidSnapshotException extends IllegalArgumentException {

	private final int line;

	private final String reason;

	public InvalidSnapshotException(int line, String reason) {
		super("line " + line + ": " + reason);
		this.line = line;
		this.reason = reason;
	}

	/** The 1-based line on which the fault was found. */
	public int line() {
		return this.line;
	}

	public String reason() {
		return this.reason;
	}

}
