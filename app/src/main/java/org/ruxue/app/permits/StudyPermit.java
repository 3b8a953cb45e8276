package org.ruxue.app.permits;

import java.time.Instant;

/**
 * A study permit (在京就读证明, R-P7) of one district and year.
 *
 * @param revokedAt null while the permit is valid
 */
public record StudyPermit(String number, String districtCode, int year, String childName, Instant issuedAt,
		Instant revokedAt, String revokeReason) {

	public boolean valid() {
		return revokedAt == null;
	}

}
