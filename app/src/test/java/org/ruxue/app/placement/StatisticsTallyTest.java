package org.ruxue.app.placement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruxue.app.zoning.EntryLevel;
import org.ruxue.lottery.Choice;
import org.ruxue.lottery.Mechanism;
import org.ruxue.lottery.Snapshot;
import org.ruxue.lottery.TieBreaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The counting itself, on a snapshot small enough to count by hand: a student's tier may
 * differ from school to school (LOTTERY.md allows it), a school may have neither seats
 * nor applicants, and a stored placement that is not the choice of its rank is refused.
 */
class StatisticsTallyTest {

	private static final LotteryDraw DRAW = new LotteryDraw(new DrawId(UUID.randomUUID()), 2017, EntryLevel.JUNIOR,
			"110000", "deferred-acceptance", "single", "0".repeat(64), 5, 4, 6, LocalDate.of(2017, 7, 5), "rule",
			Instant.EPOCH, "city", "e", "0".repeat(64), "0".repeat(64), 3, "ok", Instant.EPOCH, "city", Instant.EPOCH,
			"city");

	// A (2 seats, Dongcheng), B (1, Dongcheng), C (3, Xicheng), D (0, Xicheng)
	private static final Snapshot SNAPSHOT = Snapshot.builder(Mechanism.DEFERRED_ACCEPTANCE, TieBreaking.SINGLE)
		.school("A", 2)
		.school("B", 1)
		.school("C", 3)
		.school("D", 0)
		.student("s1", Choice.of("A", 0), Choice.of("B", 1))
		.student("s2", Choice.of("A", 1), Choice.of("C", 0))
		.student("s3", new Choice("B", 0, 1), new Choice("A", 0, 2), new Choice("C", 2, 2))
		.student("s4", Choice.of("C", 2))
		.student("s5")
		.build();

	private static final Map<String, StatisticsTally.SchoolInfo> SCHOOLS = Map.of("A",
			new StatisticsTally.SchoolInfo("甲校", "110101"), "B", new StatisticsTally.SchoolInfo("乙校", "110101"), "C",
			new StatisticsTally.SchoolInfo("丙校", "110102"), "D", new StatisticsTally.SchoolInfo("丁校", "110102"));

	private static final Map<String, String> DISTRICTS = Map.of("110101", "东城区", "110102", "西城区");

	@Test
	void countsApplicantsAndPlacementsByRankAndByTheTierAtEachSchool() {
		StatisticsTally.Outcomes outcomes = outcomes(new String[] { "110101", "110101", "110102", "110102", "110102" },
				new String[5], new String[] { "A", "C", "B", null, null }, new int[] { 1, 2, 1, 0, 0 });

		DrawStatistics figures = StatisticsTally.count(DRAW, SNAPSHOT, outcomes, SCHOOLS, DISTRICTS);

		assertThat(figures.maxRank()).isEqualTo(3);
		assertThat(figures.priorities()).containsExactly(new DrawStatistics.Priority(0, null),
				new DrawStatistics.Priority(1, null), new DrawStatistics.Priority(2, null));
		assertThat(figures.schools()).extracting(DrawStatistics.School::code).containsExactly("A", "B", "C");
		DrawStatistics.School a = figures.school("A").orElseThrow();
		assertThat(a.applicantsByRank()).containsExactly(2, 1, 0);
		assertThat(a.placedByRank()).containsExactly(1, 0, 0);
		assertThat(a.applicantsByPriority()).containsExactly(2, 1, 0);
		assertThat(a.placedByPriority()).containsExactly(1, 0, 0);
		assertThat(a.seatsLeft()).isEqualTo(1);
		DrawStatistics.School c = figures.school("C").orElseThrow();
		assertThat(c.applicants()).isEqualTo(3);
		assertThat(c.applicantsByRank()).containsExactly(1, 1, 1);
		// s2 is placed at C by its second choice, where its tier is 0 (1 at A)
		assertThat(c.placedByPriority()).containsExactly(1, 0, 0);
		assertThat(c.districtName()).isEqualTo("西城区");
		assertThat(figures.placedByRank()).containsExactly(2, 1, 0);
		assertThat(figures.withoutChoices()).isEqualTo(1);

		assertThat(figures.districts()).containsExactly(new DrawStatistics.District("110101", "东城区", 2, 3, 2, 1, 0),
				new DrawStatistics.District("110102", "西城区", 3, 3, 1, 1, 2));
		assertThat(figures.total()).isEqualTo(new DrawStatistics.District(null, null, 5, 6, 3, 2, 2));
		assertThat(figures.districts().get(0).firstChoiceShare()).hasToString("50.0");
		assertThat(figures.districts().get(1).applicantsPerSeat()).hasToString("1.00");
		// by the tier at the first choice: s1, s3 tier 0; s2 tier 1; s4 tier 2
		assertThat(figures.byPriority()).containsExactly(
				new DrawStatistics.PriorityRow(new DrawStatistics.Priority(0, null), 2, 2, 0),
				new DrawStatistics.PriorityRow(new DrawStatistics.Priority(1, null), 1, 1, 0),
				new DrawStatistics.PriorityRow(new DrawStatistics.Priority(2, null), 1, 0, 1));
	}

	@Test
	void aCategoryMakesItsOwnPriorityWithinATier() {
		StatisticsTally.Outcomes outcomes = outcomes(new String[] { "110101", "110101", "110101", "110101", "110101" },
				new String[] { "第一类", "第二类", "第一类", "第二类", null }, new String[] { "A", "C", "B", null, null },
				new int[] { 1, 2, 1, 0, 0 });

		DrawStatistics figures = StatisticsTally.count(DRAW, SNAPSHOT, outcomes, SCHOOLS, DISTRICTS);

		assertThat(figures.priorities()).containsExactly(new DrawStatistics.Priority(0, "第一类"),
				new DrawStatistics.Priority(0, "第二类"), new DrawStatistics.Priority(1, "第一类"),
				new DrawStatistics.Priority(1, "第二类"), new DrawStatistics.Priority(2, "第一类"),
				new DrawStatistics.Priority(2, "第二类"));
	}

	@Test
	void aPlacementThatIsNotTheChoiceOfItsRankOrAStudentWithoutDistrictIsRefused() {
		String[] districts = { "110101", "110101", "110101", "110101", "110101" };
		StatisticsTally.Outcomes wrongSchool = outcomes(districts, new String[5],
				new String[] { "B", null, null, null, null }, new int[] { 1, 0, 0, 0, 0 });
		StatisticsTally.Outcomes noDistrict = outcomes(new String[] { "110101", null, "110101", "110101", "110101" },
				new String[5], new String[5], new int[5]);
		StatisticsTally.Outcomes tooFew = outcomes(new String[] { "110101" }, new String[1], new String[1], new int[1]);

		for (StatisticsTally.Outcomes outcomes : List.of(wrongSchool, noDistrict, tooFew)) {
			assertThatThrownBy(() -> StatisticsTally.count(DRAW, SNAPSHOT, outcomes, SCHOOLS, DISTRICTS))
				.isInstanceOf(IllegalStateException.class);
		}
	}

	private static StatisticsTally.Outcomes outcomes(String[] districts, String[] categories, String[] schools,
			int[] ranks) {
		return new StatisticsTally.Outcomes(districts, categories, schools, ranks);
	}

}
