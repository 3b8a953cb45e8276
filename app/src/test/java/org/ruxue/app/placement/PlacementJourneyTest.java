package org.ruxue.app.placement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.admission.Admissions;
import org.ruxue.app.admission.DecisionKind;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.junior.AdmissionRoutes;
import org.ruxue.app.junior.PreferenceRefused;
import org.ruxue.app.junior.Preferences;
import org.ruxue.app.junior.RouteKind;
import org.ruxue.app.zoning.EntryLevel;
import org.ruxue.app.registry.Students;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A district from its families' preferences to a published result (R-J7, R-G8), through
 * the city's pages: freeze, draw on the day with the public entropy, publish on the
 * publication date; then anyone re-runs the published files with the lottery jar and gets
 * the same bytes, and no path changes the published result.
 */
@IntegrationTest
class PlacementJourneyTest {

	static final int YEAR = 2018;

	static final String DISTRICT = "110105";

	static final SignedIn OFFICER = new SignedIn(AccountId.random(), "pl-chaoyang", "朝阳区教委", Role.DISTRICT_OFFICER,
			DISTRICT, null);

	static final String ENTROPY = "2018-07-05 notary 07 19 23 31 42 08";

	@Autowired
	PlacementFixtures fixtures;

	@Autowired
	Preferences preferences;

	@Autowired
	Draws draws;

	@Autowired
	AdmissionRoutes routes;

	@Autowired
	Admissions admissions;

	@Autowired
	Students students;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void backToTheSuitesDay() {
		fixtures.resetClock();
	}

	@Test
	void rJ7_rG8_fromPreferencesToAPublishedResultThatAnyoneReRunsByteForByte(@TempDir Path dir) throws Exception {
		fixtures.year(YEAR);
		fixtures.juniorDistrict(YEAR, DISTRICT, 2, 2, 2);
		String j1 = PlacementFixtures.junior(YEAR, DISTRICT, 1);
		String j2 = PlacementFixtures.junior(YEAR, DISTRICT, 2);
		String j3 = PlacementFixtures.junior(YEAR, DISTRICT, 3);
		String spare = "PL" + YEAR + DISTRICT + "S";
		fixtures.school(spare, "派位测试有余位中学", DISTRICT, "JUNIOR", 1);

		// May: eight families choose; the district admits the ninth by a route outside
		// the
		// draw, which takes one of the third school's seats (R-J7)
		fixtures.at(YEAR, 5, 10, 9);
		List<PlacementFixtures.Family> families = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			families.add(fixtures.graduate(YEAR, DISTRICT, "派位学生" + (char) ('甲' + i)));
		}
		for (int i = 0; i < 8; i++) {
			List<String> choices = switch (i % 3) {
				case 0 -> List.of(j1, j2, j3);
				case 1 -> List.of(j1, j3);
				default -> List.of(j2, j1);
			};
			preferences.save(families.get(i).signedIn(), 0, Map.of(1, choices));
		}
		routes.record(families.get(8).educationId(), RouteKind.RECOMMENDED, j3, OFFICER);

		// the day of the draw: the city freezes and publishes the snapshot's hash
		fixtures.at(YEAR, 7, 5, 8);
		mvc.perform(post("/admin/draws").with(csrf())
			.with(user(PlacementFixtures.CITY))
			.param("level", "JUNIOR")
			.param("year", Integer.toString(YEAR))
			.param("scope", DISTRICT)
			.param("mechanism", "DEFERRED_ACCEPTANCE")
			.param("tieBreaking", "SINGLE")
			.param("drawOn", YEAR + "-07-05")
			.param("entropyRule", "公证员现场摇出的 6 个两位数")
			.param("confirmed", "yes"));
		LotteryDraw frozen = draw(d -> true);
		assertThat(frozen.status()).isEqualTo(DrawStatus.FROZEN);
		assertThat(frozen.students()).isEqualTo(8);
		// every junior-entry school of the district offers its seats, other tests' too;
		// the
		// route took one of the third school's
		assertThat(frozen.seats()).isEqualTo(jdbc
			.sql("select sum(seats_per_year) from school where district_code = ? and level in ('JUNIOR', 'NINE_YEAR')")
			.param(DISTRICT)
			.query(Integer.class)
			.single() - 1);
		String publicPage = page(get("/lottery/" + frozen.id()));
		assertThat(publicPage).contains(frozen.snapshotHash()).contains("公证员现场摇出的 6 个两位数");
		assertThat(mvc.perform(get("/lottery/" + frozen.id() + "/result.txt")).andReturn().getResponse().getStatus())
			.isEqualTo(404);

		// the entropy made in public; the draw runs in the background with its progress
		mvc.perform(post("/admin/draws/" + frozen.id() + "/draw").with(csrf())
			.with(user(PlacementFixtures.CITY))
			.param("entropy", ENTROPY)
			.param("entropyAgain", ENTROPY)
			.param("confirmed", "yes"));
		LotteryDraw drawn = draw(LotteryDraw::drawn);
		assertThat(drawn.checkVerdict()).isEqualTo("ok");
		assertThat(drawn.placed()).isEqualTo(5);
		assertThat(admissions.ofFamily(families.get(0).signedIn())).as("nothing shows before publication").isEmpty();

		// from the publication date the families see it, with the reasons
		fixtures.at(YEAR, 7, 6, 9);
		mvc.perform(post("/admin/draws/" + frozen.id() + "/publish").with(csrf())
			.with(user(PlacementFixtures.CITY))
			.param("confirmed", "yes"));
		LotteryDraw published = draw(LotteryDraw::published);

		// anyone downloads the files and re-runs them with the lottery jar
		byte[] snapshot = download("/lottery/" + frozen.id() + "/snapshot.txt");
		byte[] entropy = download("/lottery/" + frozen.id() + "/entropy.txt");
		byte[] result = download("/lottery/" + frozen.id() + "/result.txt");
		assertThat(Draws.sha256(snapshot)).isEqualTo(published.snapshotHash());
		assertThat(Draws.sha256(result)).isEqualTo(published.resultHash());
		assertThat(new String(snapshot, StandardCharsets.UTF_8)).doesNotContain(families.get(0).educationId())
			.doesNotContain(families.get(0).student().name());
		Files.write(dir.resolve("snapshot.txt"), snapshot);
		Files.write(dir.resolve("entropy.txt"), entropy);
		Files.write(dir.resolve("published.txt"), result);
		assertThat(lotteryJar(dir, "draw", "--snapshot", "snapshot.txt", "--entropy-file", "entropy.txt", "--out",
				"again.txt"))
			.isZero();
		assertThat(Files.readAllBytes(dir.resolve("again.txt"))).isEqualTo(result);
		assertThat(lotteryJar(dir, "verify", "--snapshot", "snapshot.txt", "--entropy-file", "entropy.txt", "--result",
				"published.txt"))
			.isZero();

		// each family: its line, its explanation, its message, its path step
		int placed = 0;
		for (PlacementFixtures.Family family : families.subList(0, 8)) {
			var results = admissions.ofFamily(family.signedIn());
			assertThat(results).hasSize(1);
			var outcome = results.get(0).outcome();
			String line = VerificationController.line(result, null, outcome.lotteryId()).orElseThrow();
			assertThat(line).isEqualTo(
					outcome.placed()
							? "placed " + outcome.lotteryId() + " " + outcome.schoolCode() + " " + outcome.rank() + " "
									+ outcome.number()
							: "unplaced " + outcome.lotteryId() + " - 0 " + outcome.number());
			placed += outcome.placed() ? 1 : 0;
			assertThat(students.path(family.educationId()))
				.anySatisfy(step -> assertThat(step.step()).isIn("admission.placed", "admission.unplaced"));
			assertThat(jdbc
				.sql("select count(*) from notification_message where inbox_owner = ? and template_key like "
						+ "'admission.sms.%'")
				.param(family.signedIn().username())
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		assertThat(placed).isEqualTo(5);
		PlacementFixtures.Family first = families.get(0);
		String mine = page(get("/junior/result").with(user(first.signedIn())));
		var firstOutcome = admissions.ofFamily(first.signedIn()).get(0).outcome();
		assertThat(mine).contains(firstOutcome.lotteryId()).contains(firstOutcome.number());
		String ownLine = page(get("/lottery/" + frozen.id()).param("lotteryId", firstOutcome.lotteryId()));
		assertThat(ownLine).contains(VerificationController.line(result, null, firstOutcome.lotteryId()).orElseThrow());

		// the admitted, by the draw and by the route, are handed to the student registry;
		// the others are not (R-G3, R-P12)
		assertThat(jdbc
			.sql("select method || '=' || count(*) from registry_handoff where year = ? and level = ? "
					+ "group by method")
			.params(YEAR, EntryLevel.JUNIOR.name())
			.query(String.class)
			.list()).containsExactlyInAnyOrder("LOTTERY=5", "ROUTE=1");

		// nothing changes a published result: not the facade, not the pages, not SQL
		assertThatThrownBy(() -> draws.draw(frozen.id(), "another entropy", PlacementFixtures.CITY, n -> {
		})).isInstanceOf(PlacementRefused.class).hasMessage("placement.error.drawn-already");
		assertThatThrownBy(() -> draws.publish(frozen.id(), PlacementFixtures.CITY))
			.isInstanceOf(PlacementRefused.class)
			.hasMessage("placement.error.published-already");
		assertThatThrownBy(() -> jdbc.sql("update placement_draw set result = ? where id = ?")
			.params("placed x S 1 0000000000000000\n".getBytes(StandardCharsets.UTF_8), frozen.id().value())
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("cannot change");
		assertThatThrownBy(() -> jdbc.sql("update placement_draw set published_at = null where id = ?")
			.param(frozen.id().value())
			.update()).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(
				() -> jdbc.sql("delete from placement_draw where id = ?").param(frozen.id().value()).update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("update placement_outcome set school_code = ? where draw_id = ?")
			.params(j1, frozen.id().value())
			.update()).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(
				() -> jdbc.sql("delete from placement_outcome where draw_id = ?").param(frozen.id().value()).update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(
				() -> jdbc.sql("delete from placement_entrant where draw_id = ?").param(frozen.id().value()).update())
			.isInstanceOf(DataAccessException.class);
		mvc.perform(post("/admin/draws/" + frozen.id() + "/draw").with(csrf())
			.with(user(PlacementFixtures.CITY))
			.param("entropy", "x")
			.param("entropyAgain", "x")
			.param("confirmed", "yes"));
		mvc.perform(post("/admin/draws/" + frozen.id() + "/publish").with(csrf())
			.with(user(PlacementFixtures.CITY))
			.param("confirmed", "yes"));
		assertThat(draws.resultBytes(frozen.id())).get().isEqualTo(result);
		assertThat(draws.byId(frozen.id())).contains(published);

		// a correction is a new decision, shown beside the original, which stays
		var unplaced = families.stream()
			.filter(f -> !admissions.ofFamily(f.signedIn()).get(0).outcome().placed())
			.findFirst()
			.orElseThrow();
		String lotteryId = admissions.ofFamily(unplaced.signedIn()).get(0).outcome().lotteryId();
		admissions.correct(frozen.id(), lotteryId, j3, "区教委复核：学位计算有误", PlacementFixtures.CITY);
		admissions.correct(frozen.id(), lotteryId, j3, "区教委复核：学位计算有误", PlacementFixtures.CITY);
		assertThat(admissions.decisions(frozen.id(), lotteryId)).as("a double click records once").hasSize(1);
		var corrected = admissions.ofFamily(unplaced.signedIn()).get(0);
		assertThat(corrected.outcome().placed()).as("the original stays").isFalse();
		assertThat(corrected.standing()).get().satisfies(d -> assertThat(d.schoolCode()).isEqualTo(j3));
		assertThat(page(get("/junior/result").with(user(unplaced.signedIn())))).contains("区教委复核：学位计算有误");
		assertThat(draws.resultBytes(frozen.id())).get().isEqualTo(result);

		// the district places another student the draw left without a school (R-J7)
		var another = families.subList(0, 8)
			.stream()
			.filter(f -> f != unplaced && !admissions.ofFamily(f.signedIn()).get(0).outcome().placed())
			.findFirst()
			.orElseThrow();
		String anotherId = admissions.ofFamily(another.signedIn()).get(0).outcome().lotteryId();
		assertThat(admissions.overflow(OFFICER)).extracting(Admissions.Overflow::lotteryId)
			.contains(anotherId)
			.doesNotContain(lotteryId);
		admissions.allocate(frozen.id(), anotherId, spare, null, OFFICER);
		assertThat(admissions.ofFamily(another.signedIn()).get(0).standing()).get()
			.satisfies(d -> assertThat(d.kind()).isEqualTo(DecisionKind.DISTRICT_ALLOCATION));
		assertThat(jdbc.sql("select method from registry_handoff where year = ? and enrollment_key = ?")
			.params(YEAR, another.educationId())
			.query(String.class)
			.single()).isEqualTo("DISTRICT_ALLOCATION");

		// and after the freeze no family changes its preferences (R-J7)
		fixtures.at(YEAR, 5, 10, 9);
		assertThatThrownBy(() -> preferences.save(families.get(7).signedIn(), 1, Map.of(1, List.of(j1))))
			.isInstanceOf(PreferenceRefused.class)
			.hasMessageContaining("junior.preferences.error.frozen");
	}

	private LotteryDraw draw(Predicate<LotteryDraw> ready) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < until) {
			var found = draws.all()
				.stream()
				.filter(d -> d.year() == YEAR && d.scope().equals(DISTRICT) && d.level() == EntryLevel.JUNIOR)
				.findFirst();
			if (found.isPresent() && ready.test(found.get())) {
				return found.get();
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The draw did not get there in 60 s");
	}

	private byte[] download(String path) throws Exception {
		MvcResult result = mvc.perform(get(path)).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsByteArray();
	}

	private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The published verifier, as a family would run it: the jar, in a JVM of its own. */
	static int lotteryJar(Path dir, String... arguments) throws IOException, InterruptedException {
		Path jar = Path.of("..", "lottery", "target", "ruxue-lottery.jar").toAbsolutePath().normalize();
		assertThat(jar).as("the lottery jar (./mvnw -pl lottery package builds it)").exists();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("jar-output.txt").toFile())
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return process.exitValue();
	}

}
