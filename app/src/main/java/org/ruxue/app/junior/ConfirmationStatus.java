package org.ruxue.app.junior;

import java.time.Instant;
import java.time.LocalDate;

import org.ruxue.app.registry.Student;

/**
 * Where a student's data check stands (R-J2, R-J3), and the one thing the family should
 * do now.
 *
 * @param confirmedAt when the family signed the record's current version, or null
 * @param openReport the family's report the school has not answered yet, or null
 * @param lastAnswer the school's latest answer to a report, or null
 * @param open whether the family may still confirm or report: until the preference window
 * closes (R-J7)
 * @param closesOn the last day, or null when the year has no preference window yet
 */
public record ConfirmationStatus(Student student, State state, Instant confirmedAt, ErrorReport openReport,
		ErrorReport lastAnswer, boolean open, LocalDate closesOn) {

	public enum State {

		/** The family has not signed the record as it stands. */
		TO_CONFIRM,

		/** The family signed the record as it stands. */
		CONFIRMED,

		/** The family reported wrong data; the school answers. */
		ERROR_REPORTED;

		public String messageKey() {
			return "junior.state." + name();
		}

	}

	/** The message key of what the family should do now. */
	public String nextStep() {
		return switch (state) {
			case CONFIRMED -> "junior.next.nothing";
			case ERROR_REPORTED -> open ? "junior.next.wait" : "junior.next.closed-reported";
			case TO_CONFIRM -> {
				if (!open) {
					yield "junior.next.closed";
				}
				if (lastAnswer != null && lastAnswer.resolution() == ErrorReport.Resolution.CORRECTED
						&& lastAnswer.resolvedAt() != null) {
					yield "junior.next.confirm-corrected";
				}
				if (lastAnswer != null && lastAnswer.resolution() == ErrorReport.Resolution.UPHELD) {
					yield "junior.next.confirm-upheld";
				}
				yield "junior.next.confirm";
			}
		};
	}

	public boolean canConfirm() {
		return open && state == State.TO_CONFIRM;
	}

	public boolean canReport() {
		return open && state != State.ERROR_REPORTED;
	}

}
