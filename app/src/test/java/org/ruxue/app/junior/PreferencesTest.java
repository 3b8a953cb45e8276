package org.ruxue.app.junior;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditTrail;
import org.ruxue.app.registry.PathStep;
import org.ruxue.app.registry.Students;
import org.ruxue.app.zoning.AddressMapping;
import org.ruxue.app.zoning.EntryLevel;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.ServiceZones;
import org.ruxue.app.zoning.ZoneDefinition;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Batches, preferences and routes outside the draw against the real database (R-J7): each
 * test works in a district of its own, so that a family's saved preferences, which freeze
 * the district's batches, never meet another test.
 */
@IntegrationTest
class PreferencesTest {

	@Autowired
	PreferenceFixtures fixtures;

	@Autowired
	Batches batches;

	@Autowired
	Preferences preferences;

	@Autowired
	AdmissionRoutes routes;

	@Autowired
	Students students;

	@Autowired
	ServiceZones zones;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void windowOpen() {
		fixtures.preferencesOpen();
	}

	@Test
	void rJ7_batchesAreValidatedAndAScopeTheDataCannotAnswerIsNotOffered() {
		String district = "110119";
		assertThat(problems(district, List.of())).containsExactly("junior.batches.error.count");
		assertThat(problems(district, List.of(new Batch(2, "第二批", 1, BatchScope.DISTRICT))))
			.containsExactly("junior.batches.error.order");
		assertThat(problems(district, List.of(new Batch(1, " ", 0, BatchScope.DISTRICT))))
			.containsExactly("junior.batches.error.name", "junior.batches.error.choices");
		assertThat(problems(district, List.of(new Batch(1, "就近", 1, BatchScope.NEARBY))))
			.containsExactly("junior.batches.error.scope-not-offered");
		assertThat(problems(district, List.of(new Batch(1, "太多", 21, null))))
			.containsExactly("junior.batches.error.choices", "junior.batches.error.scope");
		assertThat(batches.plan(district, PreferenceFixtures.YEAR).batches()).isEmpty();

		batches.replace(district, PreferenceFixtures.YEAR, 0, List.of(PreferenceFixtures.twoBatches()), Actor.SYSTEM);
		assertThat(batches.plan(district, PreferenceFixtures.YEAR).batches()).extracting(Batch::choices)
			.containsExactly(1, 2);
		// somebody saved in between: the editor's version 0 is stale
		assertThat(problems(district, List.of(new Batch(1, "唯一批", 3, BatchScope.DISTRICT))))
			.containsExactly("junior.batches.error.stale");
		audit.seal();
		assertThat(
				jdbc.sql("select count(*) from audit_entry where action = 'junior.batches.changed' and subject_id = ?")
					.param(district + "/" + PreferenceFixtures.YEAR)
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

	@Test
	void rJ7_batchesStayOnceAFamilySavedUnderThem() {
		String district = "110118";
		fixtures.district(district, PreferenceFixtures.twoBatches());
		PreferenceFixtures.Family family = fixtures.family(district, "批次冻结");
		preferences.save(family.signedIn(), 0, Map.of(1, List.of(PreferenceFixtures.junior(district, 1))));

		int version = batches.plan(district, PreferenceFixtures.YEAR).version();
		assertThatThrownBy(() -> batches.replace(district, PreferenceFixtures.YEAR, version,
				List.of(new Batch(1, "唯一批", 3, BatchScope.DISTRICT)), Actor.SYSTEM))
			.isInstanceOf(PreferenceRefused.class)
			.hasMessageContaining("junior.batches.error.in-use");
	}

	@Test
	void rJ7_aFamilyFillsInItsPreferencesWithinTheWindow() {
		String district = "110105";
		fixtures.district(district, PreferenceFixtures.twoBatches());
		PreferenceFixtures.Family family = fixtures.family(district, "填报志愿");

		SavedPreferences saved = preferences.save(family.signedIn(), 0,
				Map.of(1, List.of(PreferenceFixtures.junior(district, 1)), 2,
						List.of("", PreferenceFixtures.junior(district, 3), PreferenceFixtures.junior(district, 2))));

		assertThat(saved.version()).isEqualTo(1);
		assertThat(saved.inBatch(1)).containsExactly(PreferenceFixtures.junior(district, 1));
		assertThat(saved.inBatch(2)).containsExactly(PreferenceFixtures.junior(district, 3),
				PreferenceFixtures.junior(district, 2));
		assertThat(saved.lotteryId()).matches(LotteryIds.FORMAT);
		assertThat(students.path(family.educationId())).extracting(PathStep::step).contains("junior.preferences.saved");
		audit.seal();
		assertThat(jdbc
			.sql("select count(*) from audit_entry where action = 'junior.preferences.saved' and subject_id = ?")
			.param(family.educationId())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from notification_message where template_key = ? and inbox_owner = ?")
			.params("junior.sms.preferences-saved", family.signedIn().username())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void rJ7_aFamilyChangesItsPreferencesBeforeTheDeadline_eachSaveANewVersion() {
		String district = "110106";
		fixtures.district(district, PreferenceFixtures.twoBatches());
		PreferenceFixtures.Family family = fixtures.family(district, "修改志愿");
		SavedPreferences first = preferences.save(family.signedIn(), 0,
				Map.of(1, List.of(PreferenceFixtures.junior(district, 1))));

		SavedPreferences second = preferences.save(family.signedIn(), first.version(),
				Map.of(1, List.of(PreferenceFixtures.junior(district, 2))));

		assertThat(second.version()).isEqualTo(2);
		assertThat(second.inBatch(1)).containsExactly(PreferenceFixtures.junior(district, 2));
		assertThat(second.lotteryId()).isEqualTo(first.lotteryId());
		assertThat(preferences.saved(family.educationId(), PreferenceFixtures.YEAR)).get()
			.extracting(SavedPreferences::version)
			.isEqualTo(2);
		// a page still showing version 1 changes nothing
		assertThatThrownBy(() -> preferences.save(family.signedIn(), first.version(),
				Map.of(1, List.of(PreferenceFixtures.junior(district, 3)))))
			.hasMessageContaining("junior.preferences.error.stale");
	}

	@Test
	void rJ7_afterTheDeadlineChangesAreRefusedAndTheLastSavedPreferencesStand() {
		String district = "110107";
		fixtures.district(district, PreferenceFixtures.twoBatches());
		PreferenceFixtures.Family family = fixtures.family(district, "截止之后");
		SavedPreferences saved = preferences.save(family.signedIn(), 0,
				Map.of(1, List.of(PreferenceFixtures.junior(district, 1))));
		fixtures.preferencesClosed();

		assertThatThrownBy(() -> preferences.save(family.signedIn(), saved.version(),
				Map.of(1, List.of(PreferenceFixtures.junior(district, 2)))))
			.isInstanceOf(PreferenceRefused.class)
			.satisfies(e -> assertThat(((PreferenceRefused) e).problems().get(0).messageKey())
				.isEqualTo("junior.preferences.error.closed"));
		assertThat(preferences.saved(family.educationId(), PreferenceFixtures.YEAR)).get()
			.satisfies(p -> assertThat(p.version()).isEqualTo(1))
			.satisfies(p -> assertThat(p.inBatch(1)).containsExactly(PreferenceFixtures.junior(district, 1)));
	}

	@Test
	void rJ7_aSchoolTheBatchDoesNotOfferIsRefused() {
		String district = "110109";
		fixtures.district(district, PreferenceFixtures.twoBatches());
		fixtures.district("110111", PreferenceFixtures.twoBatches());
		PreferenceFixtures.Family family = fixtures.family(district, "不在范围");

		for (String school : List.of(PreferenceFixtures.junior("110111", 1), PreferenceFixtures.primary(district),
				"NO-SUCH")) {
			assertThatThrownBy(() -> preferences.save(family.signedIn(), 0, Map.of(1, List.of(school))))
				.hasMessageContaining("junior.preferences.error.not-offered");
		}
		assertThat(preferences.saved(family.educationId(), PreferenceFixtures.YEAR)).isEmpty();
	}

	@Test
	void rJ7_aSchoolTwiceAndTooManyChoicesAreRefused() {
		String district = "110111";
		fixtures.district(district, PreferenceFixtures.twoBatches());
		PreferenceFixtures.Family family = fixtures.family(district, "重复学校");
		String one = PreferenceFixtures.junior(district, 1);

		assertThatThrownBy(() -> preferences.save(family.signedIn(), 0, Map.of(2, List.of(one, one))))
			.hasMessageContaining("junior.preferences.error.duplicate");
		// LOTTERY.md: once on the student's line, all batches together
		assertThatThrownBy(() -> preferences.save(family.signedIn(), 0, Map.of(1, List.of(one), 2, List.of(one))))
			.hasMessageContaining("junior.preferences.error.duplicate");
		assertThatThrownBy(() -> preferences.save(family.signedIn(), 0,
				Map.of(1, List.of(one, PreferenceFixtures.junior(district, 2)))))
			.hasMessageContaining("junior.preferences.error.too-many");
		assertThat(preferences.saved(family.educationId(), PreferenceFixtures.YEAR)).isEmpty();
	}

	@Test
	void rJ7_twoSavesAtOnceFromTheSameVersion_oneWins() throws Exception {
		String district = "110112";
		fixtures.district(district, PreferenceFixtures.twoBatches());
		PreferenceFixtures.Family family = fixtures.family(district, "同时保存");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Integer>> results = new ArrayList<>();
		for (int n = 1; n <= 2; n++) {
			String school = PreferenceFixtures.junior(district, n);
			Callable<Integer> save = () -> {
				start.await();
				try {
					return preferences.save(family.signedIn(), 0, Map.of(1, List.of(school))).version();
				}
				catch (PreferenceRefused refused) {
					return -1;
				}
			};
			results.add(pool.submit(save));
		}
		start.countDown();
		List<Integer> versions = new ArrayList<>();
		for (Future<Integer> result : results) {
			versions.add(result.get());
		}
		pool.shutdown();

		assertThat(versions).containsExactlyInAnyOrder(1, -1);
		assertThat(preferences.saved(family.educationId(), PreferenceFixtures.YEAR)).get()
			.satisfies(p -> assertThat(p.inBatch(1)).hasSize(1));
	}

	@Test
	void rJ7_theLotteryIdIsRandomStablePerStudentAndYearUniqueAndInLotteryFormat() {
		String district = "110113";
		fixtures.district(district, PreferenceFixtures.twoBatches());
		Set<String> ids = new HashSet<>();
		for (int n = 0; n < 20; n++) {
			PreferenceFixtures.Family family = fixtures.family(district, "派位编号");
			String id = preferences.lotteryId(family.student());
			assertThat(id).matches(LotteryIds.FORMAT)
				.matches("[A-Za-z0-9_-]{1,64}")
				.doesNotContain(family.educationId())
				.doesNotContain(family.child().value().substring(6, 14));
			assertThat(preferences.lotteryId(family.student())).isEqualTo(id);
			ids.add(id);
		}
		assertThat(ids).hasSize(20);
		PreferenceFixtures.Family other = fixtures.family(district, "撞号");
		String taken = ids.iterator().next();
		assertThatThrownBy(
				() -> jdbc.sql("insert into junior_lottery_id (education_id, year, lottery_id) values (?, 2017, ?)")
					.params(other.educationId(), taken)
					.update())
			.isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void rJ7_aRouteOutsideTheDrawTakesTheStudentOutOfIt() {
		String district = "110114";
		fixtures.district(district, PreferenceFixtures.twoBatches());
		PreferenceFixtures.Family admitted = fixtures.family(district, "推荐入学");
		PreferenceFixtures.Family drawn = fixtures.family(district, "参加派位");
		preferences.save(drawn.signedIn(), 0, Map.of(1, List.of(PreferenceFixtures.junior(district, 1))));
		assertThat(preferences.inDraw(district, PreferenceFixtures.YEAR)).extracting(DrawEntrant::educationId)
			.containsExactlyInAnyOrder(admitted.educationId(), drawn.educationId());

		routes.record(admitted.educationId(), RouteKind.RECOMMENDED, PreferenceFixtures.junior(district, 2),
				fixtures.officer(district));

		List<DrawEntrant> inDraw = preferences.inDraw(district, PreferenceFixtures.YEAR);
		assertThat(inDraw).extracting(DrawEntrant::educationId).containsExactly(drawn.educationId());
		assertThat(inDraw.get(0).batches()).containsExactly(List.of(PreferenceFixtures.junior(district, 1)), List.of());
		assertThat(preferences.sheet(admitted.signedIn())).get()
			.satisfies(
					s -> assertThat(s.route()).get().extracting(AdmissionRoute::kind).isEqualTo(RouteKind.RECOMMENDED));
		assertThatThrownBy(() -> preferences.save(admitted.signedIn(), 0,
				Map.of(1, List.of(PreferenceFixtures.junior(district, 1)))))
			.hasMessageContaining("junior.preferences.error.route");
		assertThat(students.path(admitted.educationId())).extracting(PathStep::step)
			.contains("junior.route.recommended");
		assertThatThrownBy(() -> routes.record(admitted.educationId(), RouteKind.SPECIALTY,
				PreferenceFixtures.junior(district, 1), fixtures.officer(district)))
			.hasMessageContaining("junior.routes.error.already");
		audit.seal();
		assertThat(
				jdbc.sql("select count(*) from audit_entry where action = 'junior.route.recorded' and subject_id = ?")
					.param(admitted.educationId())
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

	@Test
	void rJ7_routesAreCheckedAgainstTheSchoolAndTheOfficersDistrict() {
		String district = "110115";
		fixtures.district(district, PreferenceFixtures.twoBatches());
		PreferenceFixtures.Family family = fixtures.family(district, "途径检查");
		PreferenceFixtures.Family nineYear = fixtures.family(district, "九年直升", PreferenceFixtures.nineYear(district));

		assertThatThrownBy(() -> routes.record(family.educationId(), RouteKind.RECOMMENDED,
				PreferenceFixtures.junior(district, 1), fixtures.officer("110101")))
			.hasMessageContaining("junior.routes.error.student-unknown");
		assertThatThrownBy(() -> routes.record(family.educationId(), RouteKind.PRIVATE_SCHOOL,
				PreferenceFixtures.junior(district, 1), fixtures.officer(district)))
			.hasMessageContaining("junior.routes.error.not-private");
		assertThatThrownBy(() -> routes.record(family.educationId(), RouteKind.DIRECT_PROGRESSION,
				PreferenceFixtures.nineYear(district), fixtures.officer(district)))
			.hasMessageContaining("junior.routes.error.not-own-nine-year");
		assertThatThrownBy(() -> routes.record(family.educationId(), RouteKind.SPECIALTY,
				PreferenceFixtures.primary(district), fixtures.officer(district)))
			.hasMessageContaining("junior.routes.error.not-junior");

		assertThat(routes
			.record(nineYear.educationId(), RouteKind.DIRECT_PROGRESSION, PreferenceFixtures.nineYear(district),
					fixtures.officer(district))
			.schoolCode()).isEqualTo(PreferenceFixtures.nineYear(district));
		assertThat(routes
			.record(family.educationId(), RouteKind.PRIVATE_SCHOOL, PreferenceFixtures.privateSchool(district),
					fixtures.officer(district))
			.kind()).isEqualTo(RouteKind.PRIVATE_SCHOOL);
		assertThat(preferences.inDraw(district, PreferenceFixtures.YEAR)).isEmpty();
	}

	@Test
	void rJ7_theOwnAreaIsTheJuniorZonesOverTheHomesThePrimarySchoolServes() {
		String district = "110116";
		fixtures.district(district, new Batch(1, "本片", 2, BatchScope.OWN_AREA));
		zones.saveZone(new ZoneDefinition(district, 2017, EntryLevel.PRIMARY, "志愿测试小学片",
				PreferenceFixtures.primary(district), List.of()), Actor.SYSTEM);
		zones.saveAddress(
				new AddressMapping(district, 2017, EntryLevel.PRIMARY, "志愿测试小学片", "志愿测试小区", null, List.of(), false),
				Actor.SYSTEM);
		zones.saveZone(new ZoneDefinition(district, 2017, EntryLevel.JUNIOR, "志愿测试中学片",
				PreferenceFixtures.junior(district, 2), List.of(PreferenceFixtures.junior(district, 3))), Actor.SYSTEM);
		zones.saveAddress(
				new AddressMapping(district, 2017, EntryLevel.JUNIOR, "志愿测试中学片", "志愿测试小区", null, List.of(), false),
				Actor.SYSTEM);
		PreferenceFixtures.Family family = fixtures.family(district, "本片学校");
		PreferenceFixtures.Family newcomer = fixtures.family(district, "其他小学", PreferenceFixtures.nineYear(district));

		assertThat(batches.offered(batches.plan(district, 2017).batches().get(0), family.student()))
			.extracting(School::code)
			.containsExactly(PreferenceFixtures.junior(district, 2), PreferenceFixtures.junior(district, 3));
		assertThat(batches.offered(batches.plan(district, 2017).batches().get(0), newcomer.student())).isEmpty();
		assertThatThrownBy(() -> preferences.save(family.signedIn(), 0,
				Map.of(1, List.of(PreferenceFixtures.junior(district, 1)))))
			.hasMessageContaining("junior.preferences.error.not-offered");
	}

	private List<String> problems(String district, List<Batch> wanted) {
		try {
			batches.replace(district, PreferenceFixtures.YEAR, 0, wanted, Actor.SYSTEM);
			return List.of();
		}
		catch (PreferenceRefused refused) {
			return refused.problems().stream().map(PreferenceRefused.Problem::messageKey).toList();
		}
	}

}
