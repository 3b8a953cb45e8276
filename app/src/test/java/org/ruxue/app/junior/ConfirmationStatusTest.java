package org.ruxue.app.junior;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.ruxue.app.registry.Student;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one thing the family should do now (R-J2, R-J3), for every state, inside and after
 * the window that closes with the preference window (R-J7).
 */
class ConfirmationStatusTest {

	static final Student STUDENT = new Student("J1", "状态", "110101********1234", "MALE", LocalDate.of(2005, 1, 1), 2017,
			"S1", "六(1)班", "110101", "110101", "家长", null, Student.Origin.REGISTRY, 0, null);

	@Test
	void eachStateSaysWhatToDo() {
		assertThat(status(ConfirmationStatus.State.TO_CONFIRM, null, true).nextStep()).isEqualTo("junior.next.confirm");
		assertThat(
				status(ConfirmationStatus.State.TO_CONFIRM, answer(ErrorReport.Resolution.CORRECTED), true).nextStep())
			.isEqualTo("junior.next.confirm-corrected");
		assertThat(status(ConfirmationStatus.State.TO_CONFIRM, answer(ErrorReport.Resolution.UPHELD), true).nextStep())
			.isEqualTo("junior.next.confirm-upheld");
		assertThat(status(ConfirmationStatus.State.ERROR_REPORTED, null, true).nextStep())
			.isEqualTo("junior.next.wait");
		assertThat(status(ConfirmationStatus.State.CONFIRMED, null, true).nextStep()).isEqualTo("junior.next.nothing");
	}

	@Test
	void afterTheWindowNothingCanBeSignedOrReported() {
		ConfirmationStatus closed = status(ConfirmationStatus.State.TO_CONFIRM, null, false);

		assertThat(closed.nextStep()).isEqualTo("junior.next.closed");
		assertThat(closed.canConfirm()).isFalse();
		assertThat(closed.canReport()).isFalse();
		assertThat(status(ConfirmationStatus.State.ERROR_REPORTED, null, false).nextStep())
			.isEqualTo("junior.next.closed-reported");
		assertThat(status(ConfirmationStatus.State.CONFIRMED, null, false).nextStep()).isEqualTo("junior.next.nothing");
	}

	@Test
	void aConfirmedFamilyMayStillReportButNotSignTwice() {
		ConfirmationStatus confirmed = status(ConfirmationStatus.State.CONFIRMED, null, true);

		assertThat(confirmed.canConfirm()).isFalse();
		assertThat(confirmed.canReport()).isTrue();
		assertThat(status(ConfirmationStatus.State.ERROR_REPORTED, null, true).canReport()).isFalse();
	}

	private static ConfirmationStatus status(ConfirmationStatus.State state, ErrorReport answer, boolean open) {
		return new ConfirmationStatus(STUDENT, state, null, null, answer, open, LocalDate.of(2017, 6, 25));
	}

	private static ErrorReport answer(ErrorReport.Resolution resolution) {
		return new ErrorReport(UUID.randomUUID(), "J1", "S1", "110101", "有误", 0, Instant.EPOCH, resolution,
				(resolution == ErrorReport.Resolution.UPHELD) ? "无误" : null, Instant.EPOCH, "teacher");
	}

}
