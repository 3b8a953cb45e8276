package org.ruxue.app.placement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ruxue.app.RuxueApplication;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;
import org.ruxue.lottery.Mechanism;
import org.ruxue.lottery.Snapshot;
import org.ruxue.lottery.SnapshotParser;
import org.ruxue.lottery.TieBreaking;
import org.ruxue.lottery.cli.SyntheticCity;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The open statistics at city scale (docs/placement.md, "Open statistics"). Boots the
 * whole platform against a fresh PostgreSQL database of its own (dropped at the end),
 * stores the synthetic Beijing of the lottery benchmarks (150,000 students, 350 schools
 * in the 16 districts, up to 8 choices in 3 batches, tiers 0 to 3) as a frozen city-wide
 * draw, draws and publishes it through {@link Draws}, then times the statistics: the
 * first request (read the snapshot and the 150,000 stored outcomes, count), fresh counts
 * on a warm JVM with their parts, the remembered answer, and the page and the downloads
 * over HTTP. Not a test: run it with the command in the docs.
 */
public final class StatisticsBenchmark {

	private StatisticsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
		ConfigurableApplicationContext app = SpringApplication.run(RuxueApplication.class,
				"--ruxue.database.ephemeral=true", "--ruxue.clock.fixed=2017-07-06T09:00:00+08:00", "--server.port=0",
				"--logging.level.root=WARN");
		try {
			Draws draws = app.getBean(Draws.class);
			PlacementStatistics statistics = app.getBean(PlacementStatistics.class);
			Calendars.sourceYear2017(app.getBean(EnrollmentCalendar.class));
			SignedIn city = new SignedIn(AccountId.random(), "bench-city", "市教委", Role.CITY_ADMIN, null, null);

			long started = System.nanoTime();
			Snapshot snapshot = SyntheticCity.beijing(Mechanism.DEFERRED_ACCEPTANCE, TieBreaking.SINGLE).snapshot();
			DrawId id = frozen(app, snapshot);
			System.out.printf("synthetic Beijing frozen: %,d students, %,d schools, %,d bytes (%d ms)%n",
					snapshot.studentCount(), snapshot.schoolCount(), snapshot.bytes().length, millis(started));
			started = System.nanoTime();
			draws.draw(id, "2017-07-05 benchmark 07 19 23 31 42 08", city, n -> {
			});
			LotteryDraw draw = draws.publish(id, city);
			System.out.printf("drawn, stored and published through Draws: %,d placed (%d ms)%n", draw.placed(),
					millis(started));

			started = System.nanoTime();
			DrawStatistics first = statistics.of(id).orElseThrow();
			System.out.printf("first request (cold JVM): %d ms; %d districts, %d schools shown, %d priorities%n",
					millis(started), first.districts().size(), first.schools().size(), first.priorities().size());

			long[] total = new long[runs];
			long[] parse = new long[runs];
			long[] read = new long[runs];
			long[] tally = new long[runs];
			for (int i = 0; i < runs; i++) {
				long t0 = System.nanoTime();
				statistics.count(draw);
				total[i] = System.nanoTime() - t0;
				long t1 = System.nanoTime();
				Snapshot parsed = SnapshotParser.parse(draws.snapshotBytes(id));
				parse[i] = System.nanoTime() - t1;
				long t2 = System.nanoTime();
				StatisticsTally.Outcomes outcomes = statistics.outcomes(id, parsed);
				read[i] = System.nanoTime() - t2;
				long t3 = System.nanoTime();
				StatisticsTally.count(draw, parsed, outcomes, Map.of(), Map.of());
				tally[i] = System.nanoTime() - t3;
			}
			System.out.printf("fresh count, %d runs on a warm JVM: median %d ms (min %d, max %d)%n", runs,
					median(total), min(total), max(total));
			System.out.printf(
					"  of which: snapshot read and parsed %d ms, result and private side read %d ms, counting %d ms%n",
					median(parse), median(read), median(tally));
			long t = System.nanoTime();
			statistics.of(id).orElseThrow();
			System.out.printf("remembered answer: %.3f ms%n", (System.nanoTime() - t) / 1e6);

			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			HttpClient http = HttpClient.newHttpClient();
			for (String path : List.of("/lottery/%s/statistics", "/lottery/%s/statistics/S00001",
					"/lottery/%s/statistics.csv", "/lottery/%s/statistics.xlsx")) {
				String url = "http://localhost:" + port + path.formatted(id);
				long[] times = new long[runs];
				int size = 0;
				for (int i = 0; i < runs; i++) {
					long t0 = System.nanoTime();
					HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
							HttpResponse.BodyHandlers.ofByteArray());
					times[i] = System.nanoTime() - t0;
					if (response.statusCode() != 200) {
						throw new IllegalStateException(url + " answered " + response.statusCode());
					}
					size = response.body().length;
				}
				System.out.printf("GET %s: median %d ms, %,d bytes%n", path.replace("%s", "{id}"), median(times), size);
			}
		}
		finally {
			app.close();
		}
	}

	/**
	 * The snapshot as a frozen city-wide draw: its schools spread over the 16 districts,
	 * each student an entrant of a district, as {@link Draws#freeze} would have stored
	 * it.
	 */
	private static DrawId frozen(ConfigurableApplicationContext app, Snapshot snapshot) {
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		List<String> districts = app.getBean(Districts.class).all().stream().map(District::code).toList();
		List<Object[]> schools = new ArrayList<>();
		int seats = 0;
		for (int x = 0; x < snapshot.schoolCount(); x++) {
			String code = snapshot.schools().get(x);
			int capacity = snapshot.capacity(code);
			seats += capacity;
			schools.add(new Object[] { code, "基准测试第" + (x + 1) + "中学", districts.get(x % districts.size()),
					Math.max(1, capacity) });
		}
		jdbc.batchUpdate("""
				insert into school (code, name, district_code, level, public, address, seats_per_year)
				values (?, ?, ?, 'JUNIOR', true, '基准测试地址', ?)
				""", schools);
		UUID id = UUID.randomUUID();
		jdbc.update("""
				insert into placement_draw (id, year, level, scope, mechanism, tie_breaking, snapshot, snapshot_hash,
				  students, schools, seats, draw_on, entropy_rule, frozen_at, frozen_by)
				values (?, 2017, 'JUNIOR', '110000', ?, ?, ?, ?, ?, ?, ?, ?, '公证员现场摇号', ?, 'bench-city')
				""", id, snapshot.mechanism().token(), snapshot.tieBreaking().token(), snapshot.bytes(),
				snapshot.hash(), snapshot.studentCount(), snapshot.schoolCount(), seats, LocalDate.of(2017, 7, 5),
				Timestamp.from(Instant.parse("2017-06-30T02:00:00Z")));
		List<Object[]> entrants = new ArrayList<>();
		for (String student : snapshot.students()) {
			String district = districts.get(Math.floorMod(student.hashCode(), districts.size()));
			entrants.add(new Object[] { id, student, district, "B" + student });
		}
		jdbc.batchUpdate("""
				insert into placement_entrant (draw_id, lottery_id, district_code, education_id)
				values (?, ?, ?, ?)
				""", entrants);
		return new DrawId(id);
	}

	private static long millis(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	private static long median(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2] / 1_000_000;
	}

	private static long min(long[] nanos) {
		return Arrays.stream(nanos).min().orElse(0) / 1_000_000;
	}

	private static long max(long[] nanos) {
		return Arrays.stream(nanos).max().orElse(0) / 1_000_000;
	}

}
