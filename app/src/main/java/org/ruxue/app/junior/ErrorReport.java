package org.ruxue.app.junior;

import java.time.Instant;
import java.util.UUID;

/**
 * A family's report that its student's basic data is wrong (R-J3), and the answer: the
 * school corrected the record, or upheld it with a reason the family reads.
 *
 * @param schoolCode the graduating school that answers; null for a newly arrived student,
 * whose district answers
 * @param resolution null while open
 */
public record ErrorReport(UUID id, String educationId, String schoolCode, String districtCode, String text,
		int studentVersion, Instant reportedAt, Resolution resolution, String reason, Instant resolvedAt,
		String resolvedBy) {

	public enum Resolution {

		/** The record was corrected; the family confirms again. */
		CORRECTED,

		/** The data is right; the reason tells the family why. */
		UPHELD;

		public String messageKey() {
			return "junior.resolution." + name();
		}

	}

	public boolean isOpen() {
		return resolution == null;
	}

}
