package org.ruxue.app.primary;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ruxue.app.calendar.PhaseKind;
import org.ruxue.app.calendar.PhaseWindow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, R-P1: before a family has a registration, the collection window decides what
 * it does now.
 */
class PrimaryNextActionTest {

	private static final PhaseWindow WINDOW = new PhaseWindow(PhaseKind.PRIMARY_COLLECTION, LocalDate.of(2017, 5, 8),
			LocalDate.of(2017, 5, 31));

	@Test
	void rP1_insideTheWindowTheFamilyRegisters() {
		assertThat(PrimaryNextAction.atEntrance(List.of(), WINDOW, true, LocalDate.of(2017, 5, 10)).key())
			.isEqualTo("primary.now.register");
	}

	@Test
	void rP1_beforeTheWindowTheFamilyIsToldWhenItOpens() {
		PrimaryNextAction action = PrimaryNextAction.atEntrance(List.of(), WINDOW, false, LocalDate.of(2017, 5, 1));

		assertThat(action.key()).isEqualTo("primary.now.window-later");
		assertThat(action.argument()).isEqualTo(LocalDate.of(2017, 5, 8));
		assertThat(action.href()).isNull();
	}

	@Test
	void rP3_afterTheWindowTheFamilyAsksTheDistrictOffice() {
		assertThat(PrimaryNextAction.atEntrance(List.of(), WINDOW, false, LocalDate.of(2017, 6, 1)).key())
			.isEqualTo("primary.now.after-window");
		assertThat(PrimaryNextAction.atEntrance(List.of(), null, false, LocalDate.of(2017, 6, 1)).key())
			.as("a year without a window")
			.isEqualTo("primary.now.after-window");
	}

}
