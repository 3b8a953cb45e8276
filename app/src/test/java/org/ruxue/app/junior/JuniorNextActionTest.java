package org.ruxue.app.junior;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: the states of the junior year that the pages test does not reach, and the
 * order in which they count (R-J2, R-J7, R-G8).
 */
class JuniorNextActionTest {

	private static final LocalDate OPENS = LocalDate.of(2017, 6, 19);

	private static final LocalDate CLOSES = LocalDate.of(2017, 6, 25);

	private static final LocalDate DRAW = LocalDate.of(2017, 7, 5);

	private static final LocalDate RESULTS = LocalDate.of(2017, 7, 6);

	private static final BatchPlan PLAN = new BatchPlan("110101", 2017, 1,
			List.of(new Batch(1, "第一批", 1, BatchScope.DISTRICT)));

	@Test
	void rJ7_aConfirmedFamilyIsToldWhenPreferencesOpen() {
		JuniorNextAction action = JuniorNextAction.decide(confirmed(true), sheet(false, Optional.empty()),
				LocalDate.of(2017, 5, 10), DRAW, RESULTS);

		assertThat(action.key()).isEqualTo("junior.now.preferences-later");
		assertThat(action.argument()).isEqualTo(OPENS);
		assertThat(action.href()).isNull();
	}

	@Test
	void rJ2_checkingTheDataComesBeforeThePreferences() {
		ConfirmationStatus toConfirm = new ConfirmationStatus(ConfirmationStatusTest.STUDENT,
				ConfirmationStatus.State.TO_CONFIRM, null, null, null, true, CLOSES);

		assertThat(JuniorNextAction
			.decide(toConfirm, sheet(true, Optional.empty()), LocalDate.of(2017, 6, 20), DRAW, RESULTS)
			.key()).isEqualTo("junior.next.confirm");
	}

	@Test
	void aPlaceOutsideTheDrawReplacesPreferencesAndResult() {
		AdmissionRoute route = new AdmissionRoute("J1", 2017, RouteKind.RECOMMENDED, "JH1", "测试中学", Instant.EPOCH,
				"officer");

		JuniorNextAction during = JuniorNextAction.decide(confirmed(true), sheet(true, Optional.of(route)),
				LocalDate.of(2017, 6, 20), DRAW, RESULTS);
		JuniorNextAction after = JuniorNextAction.decide(confirmed(false), sheet(false, Optional.of(route)), RESULTS,
				DRAW, RESULTS);

		assertThat(during.key()).isEqualTo("junior.now.route");
		assertThat(during.argument()).isEqualTo("测试中学");
		assertThat(after.key()).isEqualTo("junior.now.route");
	}

	@Test
	void rG8_betweenTheDrawAndTheResultsTheFamilyWaitsForTheDate() {
		LocalDate later = LocalDate.of(2017, 7, 10);

		JuniorNextAction onDrawDay = JuniorNextAction.decide(confirmed(false), sheet(false, Optional.empty()), DRAW,
				DRAW, later);
		JuniorNextAction dayAfter = JuniorNextAction.decide(confirmed(false), sheet(false, Optional.empty()),
				DRAW.plusDays(1), DRAW, later);

		assertThat(onDrawDay.key()).isEqualTo("junior.now.draw");
		assertThat(dayAfter.key()).isEqualTo("junior.now.results-later");
		assertThat(dayAfter.argument()).isEqualTo(later);
	}

	private static ConfirmationStatus confirmed(boolean open) {
		return new ConfirmationStatus(ConfirmationStatusTest.STUDENT, ConfirmationStatus.State.CONFIRMED, Instant.EPOCH,
				null, null, open, CLOSES);
	}

	private static PreferenceSheet sheet(boolean open, Optional<AdmissionRoute> route) {
		return new PreferenceSheet(ConfirmationStatusTest.STUDENT, PLAN, Map.of(), OPENS, CLOSES, open,
				Optional.empty(), route);
	}

}
