package org.ruxue.app.placement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import org.ruxue.app.RuxueApplication;
import org.ruxue.app.admission.Admissions;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.TestClock;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.junior.Batch;
import org.ruxue.app.junior.BatchScope;
import org.ruxue.app.junior.Batches;
import org.ruxue.app.zoning.EntryLevel;
import org.ruxue.app.registry.GraduateImportBenchmark;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;
import org.ruxue.lottery.Mechanism;
import org.ruxue.lottery.TieBreaking;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The placement benchmark (docs/benchmarks/placement.md): a city-scale junior-high draw
 * inside the platform. Boots the whole platform against a fresh PostgreSQL database of
 * its own (dropped at the end), imports the generator's graduates as the city does, gives
 * each district's junior highs seats for its cohort and each student preferences (set-up,
 * not measured), then measures what the city does on the day: the freeze of the whole
 * city's preferences into one snapshot, the draw with its check and the stored outcomes,
 * and the publication with every family's message, path step and hand-over. Not a test:
 * run it with the command in the docs.
 */
public final class PlacementBenchmark {

	private static final SignedIn CITY = new SignedIn(AccountId.random(), "bench-city", "市教委", Role.CITY_ADMIN, null,
			null);

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private PlacementBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of((args.length > 0) ? args[0] : "target/city-scale/graduates.csv");
		byte[] export = Files.readAllBytes(file);
		ConfigurableApplicationContext app = SpringApplication.run(RuxueApplication.class,
				"--ruxue.database.ephemeral=true", "--ruxue.clock.fixed=2017-05-10T09:00:00+08:00", "--server.port=0",
				"--logging.level.root=WARN", "--logging.level.org.ruxue.app.admission=INFO",
				"--ruxue.registry.max-bytes=" + Math.max(25_165_824, export.length));
		try {
			EnrollmentCalendar calendar = app.getBean(EnrollmentCalendar.class);
			if (calendar.rules(2017).isEmpty()) {
				Calendars.sourceYear2017(calendar);
			}
			GraduateImportBenchmark.importGraduates(app, export);
			int students = preferences(app);
			Clock clock = app.getBean(Clock.class);
			Draws draws = app.getBean(Draws.class);

			TestClock.moveTo(clock, OffsetDateTime.parse("2017-07-05T08:00:00+08:00"));
			long start = System.nanoTime();
			LotteryDraw frozen = draws
				.freeze(new Draws.FreezeRequest(EntryLevel.JUNIOR, 2017, Snapshots.CITY, Mechanism.DEFERRED_ACCEPTANCE,
						TieBreaking.SINGLE, java.time.LocalDate.of(2017, 7, 5), "benchmark entropy"), CITY);
			double freeze = seconds(start);
			System.out.printf("freeze: %,d students, %,d schools, %,d seats, snapshot %,d bytes in %.1f s%n",
					frozen.students(), frozen.schools(), frozen.seats(), draws.snapshotBytes(frozen.id()).length,
					freeze);

			start = System.nanoTime();
			LotteryDraw drawn = draws.draw(frozen.id(), "2017-07-05 notary 07 19 23 31 42 08", CITY, n -> {
			});
			double draw = seconds(start);
			System.out.printf("draw: %,d placed of %,d, check %s, result %,d bytes, stored in %.1f s%n", drawn.placed(),
					drawn.students(), drawn.checkVerdict(), draws.resultBytes(frozen.id()).orElseThrow().length, draw);

			TestClock.moveTo(clock, OffsetDateTime.parse("2017-07-06T09:00:00+08:00"));
			start = System.nanoTime();
			draws.publish(frozen.id(), CITY);
			double publish = seconds(start);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			System.out.printf("publish: %,d messages, %,d path steps, %,d hand-over rows in %.1f s%n",
					count(jdbc, "select count(*) from notification_message where template_key like 'admission.%'"),
					count(jdbc, "select count(*) from student_path_step where step like 'admission.%'"),
					count(jdbc, "select count(*) from registry_handoff"), publish);

			Admissions admissions = app.getBean(Admissions.class);
			List<SignedIn> families = jdbc.sql("""
					select f.account_id, a.username, f.district_code from family_account f
					join account a on a.id = f.account_id order by random() limit 1000
					""")
				.query((rs, n) -> new SignedIn(new AccountId(rs.getObject(1, java.util.UUID.class)), rs.getString(2),
						"家长", Role.PARENT, rs.getString(3), null))
				.list();
			start = System.nanoTime();
			int shown = 0;
			for (SignedIn family : families) {
				shown += admissions.ofFamily(family).size();
			}
			double pages = seconds(start);
			System.out.printf("family results: %,d families read (%,d results) in %.1f s, %.1f ms each%n",
					families.size(), shown, pages, pages * 1000 / families.size());
			Runtime runtime = Runtime.getRuntime();
			System.out.printf("RESULT students %,d freeze %.1f s draw %.1f s publish %.1f s total %.1f s heap %,d MB%n",
					students, freeze, draw, publish, freeze + draw + publish,
					(runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
		}
		finally {
			TestClock.reset(app.getBean(Clock.class));
			app.close();
		}
	}

	/**
	 * Set-up: one batch of up to three choices and a second of up to two in every
	 * district; junior highs with seats for 105 % of the district's cohort; each student
	 * one to five of its district's junior highs, more often the popular ones
	 * (Zipf-like), saved as a family's first version with its receipt's lottery id.
	 */
	private static int preferences(ConfigurableApplicationContext app) {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		JdbcTemplate batch = app.getBean(JdbcTemplate.class);
		Batches batches = app.getBean(Batches.class);
		SplittableRandom random = new SplittableRandom(20170705);
		Random ids = new SecureRandom();
		Timestamp saved = Timestamp.from(java.time.Instant.parse("2017-05-15T02:00:00Z"));
		int total = 0;
		for (District district : app.getBean(Districts.class).all()) {
			List<String> cohort = jdbc
				.sql("select education_id from student where district_code = ? and entry_year = 2017")
				.param(district.code())
				.query(String.class)
				.list();
			List<String> schools = jdbc.sql("""
					select code from school where district_code = ? and level in ('JUNIOR', 'NINE_YEAR') and public
					order by code
					""").param(district.code()).query(String.class).list();
			if (cohort.isEmpty() || schools.isEmpty()) {
				continue;
			}
			int seats = (int) Math.ceil(cohort.size() * 1.05 / schools.size());
			jdbc.sql("update school set seats_per_year = :seats where code in (:codes)")
				.param("seats", Math.min(10_000, seats))
				.param("codes", schools)
				.update();
			batches.replace(district.code(), 2017, batches.plan(district.code(), 2017).version(),
					List.of(new Batch(1, "第一批", 3, BatchScope.DISTRICT), new Batch(2, "第二批", 2, BatchScope.DISTRICT)),
					Actor.SYSTEM);
			List<Object[]> heads = new ArrayList<>();
			List<Object[]> choices = new ArrayList<>();
			List<Object[]> lotteryIds = new ArrayList<>();
			for (String student : cohort) {
				heads.add(new Object[] { student, saved });
				lotteryIds.add(new Object[] { student, lotteryId(ids) });
				int wanted = 1 + random.nextInt(Math.min(5, schools.size()));
				Map<String, Boolean> taken = new HashMap<>();
				int rank = 0;
				while (taken.size() < wanted) {
					String school = schools.get(zipf(random, schools.size()));
					if (taken.putIfAbsent(school, true) == null) {
						rank++;
						choices.add(new Object[] { student, (rank <= 3) ? 1 : 2, (rank <= 3) ? rank : rank - 3, school,
								saved });
					}
				}
			}
			batch.batchUpdate("insert into junior_preference (education_id, year, version, saved_at, saved_by) "
					+ "values (?, 2017, 1, ?, 'bench')", heads);
			batch.batchUpdate("insert into junior_preference_choice (education_id, year, version, batch, rank, "
					+ "school_code, saved_at) values (?, 2017, 1, ?, ?, ?, ?)", choices);
			batch.batchUpdate("insert into junior_lottery_id (education_id, year, lottery_id) values (?, 2017, ?)",
					lotteryIds);
			total += cohort.size();
		}
		System.out.printf("set-up: %,d students with preferences%n", total);
		return total;
	}

	/** An index in [0, n), index 0 the most wanted: P(k) proportional to 1 / (k + 1). */
	private static int zipf(SplittableRandom random, int n) {
		double harmonic = 0;
		for (int k = 1; k <= n; k++) {
			harmonic += 1.0 / k;
		}
		double u = random.nextDouble() * harmonic;
		for (int k = 1; k <= n; k++) {
			u -= 1.0 / k;
			if (u <= 0) {
				return k - 1;
			}
		}
		return n - 1;
	}

	private static String lotteryId(Random random) {
		char[] id = new char[12];
		for (int i = 0; i < id.length; i++) {
			id[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
		}
		return new String(id);
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
