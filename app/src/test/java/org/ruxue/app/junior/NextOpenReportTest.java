package org.ruxue.app.junior;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.calendar.TestClock;
import org.ruxue.app.identity.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An error report's "next" (issue 12) against the real database (R-J3): the school's next
 * open report in its list's order (the latest first), round to the first after the last,
 * none when the one open is the only one. Each test has a school of its own, so that
 * other tests' reports cannot enter its list; the reports are a minute apart, as
 * families' are, since the list orders them by when they came.
 */
@IntegrationTest
class NextOpenReportTest {

	@Autowired
	JuniorFixtures fixtures;

	@Autowired
	Confirmations confirmations;

	@Autowired
	Corrections corrections;

	@Autowired
	Clock clock;

	@BeforeEach
	void world() {
		fixtures.world();
	}

	@AfterEach
	void resetClock() {
		TestClock.reset(clock);
	}

	@Test
	void nextIsTheFollowingOpenReportOfTheSchool_neverAnAnsweredOneOrAnotherSchools() {
		SignedIn teacher = school("JR-NEXT-1");
		List<ErrorReport> reports = new ArrayList<>();
		for (String name : List.of("下报甲", "下报乙", "下报丙", "下报丁", "下报戊")) {
			reports.add(reported(fixtures.graduate(name, "JR-NEXT-1")));
			reported(fixtures.graduate(name + "外", JuniorFixtures.SCHOOL)); // open, at
																			// another
																			// school
		}
		corrections.uphold(reports.get(1).id(), "数据无误", teacher);
		corrections.uphold(reports.get(3).id(), "数据无误", teacher);
		List<UUID> open = List.of(reports.get(4).id(), reports.get(2).id(), reports.get(0).id());

		assertThat(corrections.reports(teacher)).as("the list's order, which next follows")
			.extracting(l -> l.report().id())
			.containsExactly(open.get(0), open.get(1), open.get(2), reports.get(3).id(), reports.get(1).id());
		assertThat(next(open.get(0), teacher)).contains(open.get(1));
		assertThat(next(open.get(1), teacher)).contains(open.get(2));
		assertThat(next(open.get(2), teacher)).contains(open.get(0));
		assertThat(next(reports.get(1).id(), teacher)).as("from one answered meanwhile, an open one").get().isIn(open);
	}

	@Test
	void afterTheLastOpenReportNextIsTheFirst() {
		SignedIn teacher = school("JR-NEXT-2");
		ErrorReport earliest = reported(fixtures.graduate("回报甲", "JR-NEXT-2"));
		ErrorReport latest = reported(fixtures.graduate("回报乙", "JR-NEXT-2"));

		assertThat(next(earliest.id(), teacher)).contains(latest.id());
		assertThat(next(latest.id(), teacher)).contains(earliest.id());
	}

	@Test
	void theOnlyOpenReportHasNoNext() {
		SignedIn teacher = school("JR-NEXT-3");
		ErrorReport only = reported(fixtures.graduate("独报甲", "JR-NEXT-3"));
		ErrorReport answered = reported(fixtures.graduate("独报乙", "JR-NEXT-3"));
		corrections.uphold(answered.id(), "数据无误", teacher);

		assertThat(next(only.id(), teacher)).isEmpty();
		assertThat(next(answered.id(), teacher)).as("from the answered one, the one still open").contains(only.id());
	}

	private SignedIn school(String code) {
		fixtures.school(code, "下一条测试小学" + code, "110101");
		return JuniorFixtures.teacher(code);
	}

	private Optional<UUID> next(UUID report, SignedIn teacher) {
		return corrections.nextOpen(corrections.open(report, teacher).report(), teacher);
	}

	/** The family reports an error a minute after the last report of the test. */
	private ErrorReport reported(JuniorFixtures.Graduate g) {
		TestClock.moveTo(clock,
				TestClock.now(clock).plus(Duration.ofMinutes(1)).atOffset(TestClock.SUITE_NOW.getOffset()));
		return confirmations.reportError(g.family(), 0, "姓名有误");
	}

}
