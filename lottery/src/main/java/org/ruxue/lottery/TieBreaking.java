package org.ruxue.lottery;

/**
 * Whether a student carries one lottery number for every school (Xicheng) or draws one
 * per school listed (Dongcheng).
 */
public enum TieBreaking {

	SINGLE("single"),

	MULTIPLE("multiple");

	private final String token;

	TieBreaking(String token) {
		this.token = token;
	}

	/** The word used for this tie-breaking in a snapshot's third line. */
	public String token() {
		return this.token;
	}

	static TieBreaking ofToken(String token) {
		for (TieBreaking tieBreaking : values()) {
			if (tieBreaking.token.equals(token)) {
				return tieBreaking;
			}
		}
		return null;
	}

}
