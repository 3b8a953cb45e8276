package org.ruxue.app.junior;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ruxue.app.registry.Student;
import org.ruxue.app.registry.Students;
import org.ruxue.app.zoning.School;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's preferences (R-J7): so that the city can freeze, draw and publish a demo
 * district, four in five demo graduates of the districts with batches have chosen schools
 * among those their batches offer (made up, from a fixed seed); the rest chose nothing.
 * Written once, after the graduates' import, only for students with no preferences.
 */
@Component
@Profile("demo")
@Order(45)
class DemoPreferences implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPreferences.class);

	private final Batches batches;

	private final Students students;

	private final LotteryIds lotteryIds;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoPreferences(Batches batches, Students students, LotteryIds lotteryIds, JdbcClient jdbc, Clock clock) {
		this.batches = batches;
		this.students = students;
		this.lotteryIds = lotteryIds;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Random random = new Random(20170625);
		int saved = 0;
		for (String district : batches.districtsWithBatches(DemoBatches.YEAR)) {
			BatchPlan plan = batches.plan(district, DemoBatches.YEAR);
			for (String educationId : students.educationIdsIn(district, DemoBatches.YEAR)) {
				if (random.nextInt(5) == 0 || chose(educationId)) {
					continue;
				}
				Student student = students.byEducationId(educationId).orElseThrow();
				saved += save(student, plan, random) ? 1 : 0;
			}
		}
		if (saved > 0) {
			log.info("Demo: {} graduates have made-up preferences for the {} draw", saved, DemoBatches.YEAR);
		}
	}

	private boolean chose(String educationId) {
		return jdbc.sql("select exists (select 1 from junior_preference where education_id = ? and year = ?)")
			.params(educationId, DemoBatches.YEAR)
			.query(Boolean.class)
			.single();
	}

	private boolean save(Student student, BatchPlan plan, Random random) {
		Timestamp now = Timestamp.from(clock.instant());
		List<Object[]> choices = new ArrayList<>();
		List<String> taken = new ArrayList<>();
		for (Batch batch : plan.batches()) {
			List<School> offered = new ArrayList<>(batches.offered(batch, student));
			offered.removeIf(s -> taken.contains(s.code()));
			int wanted = Math.min(offered.size(), 1 + random.nextInt(batch.choices()));
			for (int rank = 1; rank <= wanted; rank++) {
				School school = offered.remove(random.nextInt(offered.size()));
				taken.add(school.code());
				choices.add(new Object[] { student.educationId(), batch.number(), rank, school.code() });
			}
		}
		if (choices.isEmpty()) {
			return false;
		}
		jdbc.sql("""
				insert into junior_preference (education_id, year, version, saved_at, saved_by)
				values (?, ?, 1, ?, 'demo') on conflict do nothing
				""").params(student.educationId(), DemoBatches.YEAR, now).update();
		for (Object[] choice : choices) {
			jdbc.sql(
					"""
							insert into junior_preference_choice (education_id, year, version, batch, rank, school_code, saved_at)
							values (?, ?, 1, ?, ?, ?, ?)
							""")
				.params(choice[0], DemoBatches.YEAR, choice[1], choice[2], choice[3], now)
				.update();
		}
		lotteryIds.issue(student.educationId(), DemoBatches.YEAR);
		return true;
	}

}
