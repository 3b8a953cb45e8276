package org.ruxue.lottery;

/**
 * How a school's seats are given out within a batch (LOTTERY.md section 3).
 */
public enum Mechanism {

	/** Student-proposing Gale–Shapley, as in New York, Amsterdam and Chile. */
	DEFERRED_ACCEPTANCE("deferred-acceptance"),

	/** 志愿优先, the Boston mechanism: admissions are final round by round. */
	IMMEDIATE_ACCEPTANCE("immediate-acceptance");

	private final String token;

	Mechanism(String token) {
		this.token = token;
	}

	/** The word used for this mechanism in a snapshot's second line. */
	public String token() {
		return this.token;
	}

	static Mechanism ofToken(String token) {
		for (Mechanism mechanism : values()) {
			if (mechanism.token.equals(token)) {
				return mechanism;
			}
		}
		return null;
	}

}
