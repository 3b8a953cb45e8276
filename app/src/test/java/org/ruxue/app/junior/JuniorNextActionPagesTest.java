package org.ruxue.app.junior;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.PhaseKind;
import org.ruxue.app.calendar.PhaseWindow;
import org.ruxue.app.calendar.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 12: the junior family's status page (/junior) shows exactly one thing to do now,
 * following the family through its real states: check the data (R-J2), wait for the
 * school (R-J3), fill in preferences (R-J7), wait for the draw, see the result (R-G8).
 */
@IntegrationTest
class JuniorNextActionPagesTest {

	private static final String DISTRICT = "110115";

	private static final Pattern DO_NOW = Pattern.compile("id=\"do-now\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	PreferenceFixtures fixtures;

	@Autowired
	Confirmations confirmations;

	@Autowired
	Preferences preferences;

	@Autowired
	EnrollmentCalendar calendar;

	@Autowired
	Clock clock;

	@BeforeEach
	void world() {
		fixtures.preferencesOpen();
		fixtures.district(DISTRICT, PreferenceFixtures.twoBatches());
	}

	@Test
	void rJ2_aFamilyChecksTheDataFirstThenFillsInPreferencesThenWaits_rJ7() throws Exception {
		PreferenceFixtures.Family family = fixtures.family(DISTRICT, "现在要做");

		String account = mvc.perform(get("/account").with(user(family.signedIn())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(account).as("the landing page leads to the status page")
			.contains("id=\"do-now-action\" href=\"/junior\"");

		String toConfirm = home(family);
		assertOneAction(toConfirm);
		assertThat(toConfirm).contains("请核对下面的信息").doesNotContain("id=\"do-now-action\"");

		confirmations.confirm(family.signedIn(), family.student().version());
		String toFill = home(family);
		assertOneAction(toFill);
		assertThat(toFill).contains("请在 2017-05-20 前填报志愿", "id=\"do-now-action\"", "href=\"/junior/preferences\"");

		preferences.save(family.signedIn(), 0, Map.of(1, List.of(PreferenceFixtures.junior(DISTRICT, 1))));
		String saved = home(family);
		assertOneAction(saved);
		assertThat(saved).contains("志愿已保存，现在无需操作。2017-05-20 前仍可修改").doesNotContain("id=\"do-now-action\"");

		fixtures.preferencesClosed();
		String waiting = home(family);
		assertOneAction(waiting);
		assertThat(waiting).contains("全市将于 " + opensOn(PhaseKind.LOTTERY_DAY) + " 统一电脑派位");
	}

	@Test
	void rJ3_aFamilyThatReportedAnErrorWaitsForTheSchool() throws Exception {
		PreferenceFixtures.Family family = fixtures.family(DISTRICT, "等待学校");
		confirmations.reportError(family.signedIn(), family.student().version(), "姓名写错了");

		String page = home(family);
		assertOneAction(page);
		assertThat(page).contains("学校正在核实您反映的问题，现在无需操作").doesNotContain("请在 2017-05-20 前填报志愿");
	}

	@Test
	void rG8_onceResultsAreAnnouncedTheFamilyIsSentToTheResult() throws Exception {
		PreferenceFixtures.Family family = fixtures.family(DISTRICT, "看结果");
		confirmations.confirm(family.signedIn(), family.student().version());
		fixtures.preferencesClosed();
		LocalDate results = opensOn(PhaseKind.RESULT_PUBLICATION);
		try {
			TestClock.moveTo(clock, OffsetDateTime.of(results, LocalTime.of(9, 0), ZoneOffset.ofHours(8)));
			String page = home(family);
			assertOneAction(page);
			assertThat(page).contains("派位结果已经公布", "href=\"/junior/result\"");

			String english = mvc.perform(get("/junior").param("lang", "en").with(user(family.signedIn())))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(english).contains("What to do now", "See the result").doesNotContain("??");
		}
		finally {
			TestClock.reset(clock);
		}
	}

	private LocalDate opensOn(PhaseKind kind) {
		return calendar.window(PreferenceFixtures.YEAR, kind).map(PhaseWindow::opensOn).orElseThrow();
	}

	private String home(PreferenceFixtures.Family family) throws Exception {
		return mvc.perform(get("/junior").with(user(family.signedIn()))).andReturn().getResponse().getContentAsString();
	}

	/** One prominent action, every message found, and what comes next below it. */
	private static void assertOneAction(String page) {
		assertThat(DO_NOW.matcher(page).results().count()).as("one thing to do now").isEqualTo(1);
		assertThat(page).contains("现在请您", "id=\"after-this\"").doesNotContain("??");
	}

}
