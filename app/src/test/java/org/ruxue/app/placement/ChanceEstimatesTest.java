package org.ruxue.app.placement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.AuditTrail;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Chance estimates (issue 9, R-J7) against the real database: a small district of
 * families whose preferences are saved through their own facade, simulated, stored,
 * replaced, and shown to each family as an estimate.
 *
 * <p>
 * Tolerances: with {@value #RUNS} simulated draws a share of one half has a standard
 * error of sqrt(0.25 / {@value #RUNS}) ≈ 0.011; {@value #TOLERANCE} is more than five
 * standard errors, so a correct estimate falls outside it about once in ten million
 * tests, while an estimate that ignored the competition (1.0) or counted it twice (0.25)
 * never falls inside.
 */
@IntegrationTest
class ChanceEstimatesTest {

	static final int RUNS = 2000;

	static final double TOLERANCE = 0.06;

	private static final SignedIn CITY = new SignedIn(AccountId.random(), "ce-city", "市教委", Role.CITY_ADMIN, null,
			null);

	@Autowired
	EstimateFixtures fixtures;

	@Autowired
	ChanceEstimates estimates;

	@Autowired
	EstimateRuns runs;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	private final String district = EstimateFixtures.DISTRICT;

	private String solo;

	private String pair;

	private EstimateFixtures.Family alone;

	private List<EstimateFixtures.Family> four;

	/**
	 * One family alone at a school of 5 seats; four families on a school of 2 seats as
	 * their only choice.
	 */
	@BeforeEach
	void aSmallDistrict() {
		fixtures.district(district);
		solo = fixtures.juniorHigh(district, 5);
		pair = fixtures.juniorHigh(district, 2);
		alone = fixtures.family(district, "独享学位");
		fixtures.choose(alone, Map.of(1, List.of(solo)));
		four = List.of(fixtures.family(district, "两人一位甲"), fixtures.family(district, "两人一位乙"),
				fixtures.family(district, "两人一位丙"), fixtures.family(district, "两人一位丁"));
		four.forEach(f -> fixtures.choose(f, Map.of(1, List.of(pair))));
	}

	@Test
	void sharesAddUpToOne_aStudentAloneIsPlaced_twoApplicantsPerSeatGetAboutHalf() {
		EstimateRun run = estimates.run(EstimateFixtures.YEAR, district, RUNS);

		assertThat(run.status()).isEqualTo(EstimateStatus.FINISHED);
		assertThat(run.runs()).isEqualTo(RUNS);
		// every student of the run: the runs placing it somewhere plus those leaving it
		// unplaced are all the runs
		assertThat(jdbc.sql("""
				select distinct sum(placed_runs) from placement_estimate_share where run_id = ? group by education_id
				""").param(run.id()).query(Long.class).list()).containsExactly((long) RUNS);

		StudentChances mine = chances(alone);
		assertThat(mine.choices()).singleElement().satisfies(c -> {
			assertThat(c.schoolCode()).isEqualTo(solo);
			assertThat(c.batch()).isEqualTo(1);
			assertThat(c.chance().share()).isEqualTo(1.0);
			assertThat(c.chance().low()).isGreaterThan(0.99);
		});
		assertThat(mine.unplaced().share()).isZero();

		long atPair = 0;
		for (EstimateFixtures.Family family : four) {
			StudentChances theirs = chances(family);
			Chance chance = theirs.choices().getFirst().chance();
			assertThat(chance.share()).isCloseTo(0.5, within(TOLERANCE));
			assertThat(chance.standardError()).isCloseTo(Math.sqrt(chance.share() * (1 - chance.share()) / RUNS),
					within(1e-12));
			assertThat(chance.low()).isLessThan(chance.share());
			assertThat(chance.high()).isGreaterThan(chance.share());
			assertThat(chance.share() + theirs.unplaced().share()).isCloseTo(1.0, within(1e-12));
			atPair += chance.placedRuns();
		}
		// both seats are taken in every simulated draw, whoever takes them
		assertThat(atPair).isEqualTo(2L * RUNS);
	}

	@Test
	void theDistrictsApplicantsPerSeatAreItsStudentsOverItsSeats() {
		EstimateRun run = estimates.run(EstimateFixtures.YEAR, district, 50);

		assertThat(run.students()).isGreaterThanOrEqualTo(5);
		assertThat(run.studentsWithChoices()).isGreaterThanOrEqualTo(5).isLessThanOrEqualTo(run.students());
		assertThat(run.seats()).isGreaterThanOrEqualTo(7);
		assertThat(run.applicantsPerSeat()).isEqualByComparingTo(
				BigDecimal.valueOf(run.students()).divide(BigDecimal.valueOf(run.seats()), 3, RoundingMode.HALF_UP));
		assertThat(run.startedAt()).isNotNull();
		assertThat(run.finishedAt()).isNotNull();
		audit.seal();
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'placement.estimated' and subject_id = ?")
			.param(run.id().toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void reRunningReplacesTheDistrictsFigures_andLeavesOtherDistrictsAlone() {
		fixtures.district("110113");
		EstimateRun elsewhere = estimates.run(EstimateFixtures.YEAR, "110113", 20);
		EstimateRun first = estimates.run(EstimateFixtures.YEAR, district, 100);
		EstimateFixtures.Family late = fixtures.family(district, "后来者");
		fixtures.choose(late, Map.of(1, List.of(solo)));

		EstimateRun second = estimates.run(EstimateFixtures.YEAR, district, 100);

		assertThat(second.id()).isNotEqualTo(first.id());
		assertThat(estimates.latest(EstimateFixtures.YEAR, district)).get()
			.extracting(EstimateRun::id)
			.isEqualTo(second.id());
		assertThat(second.students()).isEqualTo(first.students() + 1);
		assertThat(count("select count(*) from placement_estimate_run where id = ?", first.id())).isZero();
		assertThat(count("select count(*) from placement_estimate_share where run_id = ?", first.id())).isZero();
		assertThat(chances(late).choices()).singleElement()
			.satisfies(c -> assertThat(c.chance().share()).isEqualTo(1.0));
		assertThat(estimates.latest(EstimateFixtures.YEAR, "110113")).get()
			.extracting(EstimateRun::id)
			.isEqualTo(elsewhere.id());
	}

	@Test
	void oneEstimateOfADistrictAtATime() {
		UUID queued = runs
			.queue(EstimateFixtures.YEAR, district, 10, "deferred-acceptance", "single", "ce-test", Instant.now())
			.orElseThrow();
		try {
			assertThatThrownBy(() -> estimates.run(EstimateFixtures.YEAR, district, 10))
				.isInstanceOf(PlacementRefused.class)
				.hasMessage("estimates.error.running");
		}
		finally {
			runs.fail(queued, "estimates.problem.failed", Instant.now());
		}
		assertThat(estimates.run(EstimateFixtures.YEAR, district, 10).status()).isEqualTo(EstimateStatus.FINISHED);
		assertThatThrownBy(() -> estimates.run(EstimateFixtures.YEAR, "119999", 10))
			.hasMessage("estimates.error.district");
		assertThatThrownBy(() -> estimates.run(EstimateFixtures.YEAR, district, 0)).hasMessage("estimates.error.runs");
	}

	@Test
	void theFamilySeesEachChoiceAsAPercentageWithItsInterval_labelledAsAnEstimate() throws Exception {
		estimates.run(EstimateFixtures.YEAR, district, RUNS);
		var pair = chances(four.get(0));
		Chance theirs = pair.choices().getFirst().chance();
		assertThat(pair.unplaced().share()).isCloseTo(1 - theirs.share(), org.assertj.core.api.Assertions.within(1e-9));

		String alonePage = page(get("/junior/chances"), alone);
		String pairPage = page(get("/junior/chances"), four.get(0));

		assertThat(alonePage)
			.contains("估计，不是结果", "估计测试第", "100.0%", "0.0%", "所有志愿都未被录取", "本区每个学位的派位人数", "2017-05-10 09:00",
					"共模拟派位 2,000 次")
			.doesNotContain("saved-after", "id=\"changed\"");
		assertThat(pairPage).contains("估计，不是结果", FamilyChancesController.percent(theirs.share()),
				FamilyChancesController.percent(theirs.low()) + " – " + FamilyChancesController.percent(theirs.high()),
				// the page's own figure for no place: 1 - share can round the other way
				// at a .x5
				FamilyChancesController.percent(pair.unplaced().share()));
		assertThat(page(get("/junior/chances").param("lang", "en"), alone)).contains("An estimate, not a result",
				"100.0%", "Applicants per seat in your district");
		assertThat(page(get("/junior/preferences"), alone)).contains("/junior/chances", "查看录取机会估计");
	}

	@Test
	void aFamilyThatChangedItsChoicesAfterTheEstimateIsToldTheFiguresAreForTheOldOnes() throws Exception {
		EstimateRun run = estimates.run(EstimateFixtures.YEAR, district, 100);
		// the test clock stands still: the estimate read the preferences an hour before
		jdbc.sql("update placement_estimate_run set started_at = started_at - interval '1 hour' where id = ?")
			.param(run.id())
			.update();

		fixtures.choose(four.get(1), Map.of(1, List.of(solo)));
		String page = page(get("/junior/chances"), four.get(1));

		assertThat(page).contains("id=\"saved-after\"", "晚于本次估计", "id=\"changed\"", "您现在的志愿与估计时的不同");
		// the table is the list as estimated: the school of two seats
		assertThat(chances(four.get(1)).choices()).extracting(StudentChances.ChoiceChance::schoolCode)
			.containsExactly(pair);
	}

	@Test
	void aDistrictWithoutAnEstimateSaysSo_andAnotherFamilyNeverSeesThisFamilysChances() throws Exception {
		estimates.run(EstimateFixtures.YEAR, district, 100);
		jdbc.sql("delete from placement_estimate_run where year = ? and district_code = '110118'")
			.param(EstimateFixtures.YEAR)
			.update();
		fixtures.district("110118");
		EstimateFixtures.Family elsewhere = fixtures.family("110118", "别区家庭");

		String otherDistrict = page(get("/junior/chances"), elsewhere);
		String sameDistrict = page(get("/junior/chances"), four.get(2));

		assertThat(otherDistrict).contains("估计，不是结果", "本区还没有录取机会估计", "别区家庭")
			.doesNotContain(alone.student().name(), alone.educationId(), "100.0%");
		assertThat(sameDistrict).contains("两人一位丙").doesNotContain(alone.student().name(), alone.educationId(), "独享学位");
		assertThat(mvc.perform(get("/junior/chances")).andReturn().getResponse().getRedirectedUrl()).contains("/login");
		SignedIn officer = new SignedIn(AccountId.random(), "ce-officer", "区教委", Role.DISTRICT_OFFICER, district, null);
		assertThat(mvc.perform(get("/junior/chances").with(user(officer))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
	}

	@Test
	void theCityRunsOneDistrictNowAndWatchsItsProgress_thePublicReadsTheFigures() throws Exception {
		EstimateRun before = estimates.run(EstimateFixtures.YEAR, district, 10);
		UUID waiting = runs
			.queue(EstimateFixtures.YEAR, district, 10, "deferred-acceptance", "single", "ce-test", Instant.now())
			.orElseThrow();
		try {
			assertThat(page(get("/admin/placement/estimates/progress").param("year", "2017"), CITY))
				.contains("hx-get=\"/admin/placement/estimates/progress?year=2017\"", "every 1s", "排队中");
		}
		finally {
			runs.fail(waiting, "estimates.problem.failed", Instant.now());
		}

		var response = mvc
			.perform(post("/admin/placement/estimates/run").with(csrf())
				.with(user(CITY))
				.param("year", "2017")
				.param("district", district))
			.andReturn()
			.getResponse();
		assertThat(response.getRedirectedUrl()).isEqualTo("/admin/placement/estimates?year=2017");
		EstimateRun after = awaitFinished(district, before.id());

		assertThat(after.requestedBy()).isEqualTo("ce-city");
		assertThat(after.runs()).isEqualTo(estimates.defaultRuns());
		String progress = page(get("/admin/placement/estimates/progress").param("year", "2017"), CITY);
		assertThat(progress).contains("id=\"district-" + district + "\"").doesNotContain("hx-get");
		String admin = page(get("/admin/placement/estimates").param("year", "2017"), CITY);
		assertThat(admin).contains("录取机会估计", "全部区立即估计", "id=\"run-" + district + "\"",
				"<td class=\"text-end students\">" + after.students() + "</td>",
				"<td class=\"text-end seats\">" + after.seats() + "</td>");

		String json = mvc.perform(get("/api/v1/placement/estimates/2017").accept("application/json"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json)
			.contains("\"district\":\"" + district + "\"", "\"applicantsPerSeat\":", "\"computedAt\":", "not results")
			.doesNotContain(alone.educationId(), alone.student().name());
	}

	@Test
	void theNightlyEstimateRunsOnceCluster_wideAndOnlyWhileFamiliesFillIn() throws Exception {
		LocalDate night = LocalDate.of(2017, 5, 11).plusDays(System.nanoTime() % 1000);
		fixtures.preferencesClosed();
		try {
			assertThat(estimates.nightly(night)).isEmpty();
		}
		finally {
			fixtures.preferencesOpen();
		}

		List<UUID> queued = estimates.nightly(night.plusYears(10));
		List<UUID> again = estimates.nightly(night.plusYears(10));

		assertThat(queued).hasSizeGreaterThanOrEqualTo(1);
		assertThat(again).isEmpty();
		for (UUID id : queued) {
			await(id);
		}
		assertThat(estimates.latest(EstimateFixtures.YEAR, district)).get()
			.satisfies(r -> assertThat(r.requestedBy()).isEqualTo(ChanceEstimates.NIGHTLY))
			.satisfies(r -> assertThat(r.runs()).isEqualTo(estimates.defaultRuns()));
	}

	private StudentChances chances(EstimateFixtures.Family family) {
		return estimates.forStudent(EstimateFixtures.YEAR, family.student().districtCode(), family.educationId())
			.chances()
			.orElseThrow();
	}

	private long count(String sql, UUID id) {
		return jdbc.sql(sql).param(id).query(Long.class).single();
	}

	private String page(MockHttpServletRequestBuilder request, EstimateFixtures.Family family) throws Exception {
		return page(request, family.signedIn());
	}

	private String page(MockHttpServletRequestBuilder request, SignedIn who) throws Exception {
		var response = mvc.perform(request.with(user(who))).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString();
	}

	/** The estimate that follows {@code previous} in the district, once it finished. */
	private EstimateRun awaitFinished(String district, UUID previous) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			var latest = estimates.latest(EstimateFixtures.YEAR, district);
			if (latest.isPresent() && !latest.get().id().equals(previous)) {
				return latest.get();
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No new estimate of " + district + " within a minute");
	}

	private void await(UUID id) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while (Instant.now().isBefore(deadline)) {
			var run = runs.byId(id);
			if (run.isEmpty() || !run.get().status().active()) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Estimate " + id + " still running after two minutes");
	}

}
