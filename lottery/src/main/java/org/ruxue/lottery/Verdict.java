package org.ruxue.lottery;

/**
 * The answer of {@link Verifier} or {@link Checker}: passed, or the first offending line
 * of the result and why.
 */
public record Verdict(boolean passed, int line, String reason) {

	static Verdict pass() {
		return new Verdict(true, 0, "");
	}

	static Verdict fail(int line, String reason) {
		return new Verdict(false, line, reason);
	}

	/** {@code line N: REASON}, or {@code ok}. */
	public String describe() {
		return this.passed ? "ok" : "line " + this.line + ": " + this.reason;
	}

}
