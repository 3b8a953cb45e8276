package org.ruxue.app.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.ruxue.app.RuxueApplication;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.zoning.DemoSchools;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The graduate-import benchmark (docs/benchmarks/registry.md). Boots the whole platform
 * against a fresh PostgreSQL database of its own (dropped at the end), puts the demo
 * schools the generator's graduates attend into it, then imports the generator's
 * graduates.csv as the city does, through {@link GraduateImports#start} and
 * {@link GraduateImports#confirm} with their background worker: read, check, stage,
 * preview; write with the students' paths and family accounts. Then the same file again,
 * which must change nothing. Not a test: run it with the command in the docs.
 */
public final class GraduateImportBenchmark {

	private static final SignedIn CITY = new SignedIn(AccountId.random(), "bench-city", "市教委", Role.CITY_ADMIN, null,
			null);

	private GraduateImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of((args.length > 0) ? args[0] : "city-scale-data/graduates.csv");
		byte[] export = Files.readAllBytes(file);
		List<String> settings = new ArrayList<>(
				List.of("--ruxue.database.ephemeral=true", "--ruxue.clock.fixed=2017-05-10T09:00:00+08:00",
						"--server.port=0", "--logging.level.root=WARN", "--logging.level.org.ruxue.app.registry=INFO",
						"--ruxue.registry.max-bytes=" + Math.max(25_165_824, export.length)));
		settings.addAll(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
		ConfigurableApplicationContext app = SpringApplication.run(RuxueApplication.class,
				settings.toArray(String[]::new));
		try {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			schools(jdbc);
			GraduateImports imports = app.getBean(GraduateImports.class);
			System.out.printf("%s: %,d bytes%n", file, export.length);
			Timing first = run(imports, export, "first import");
			Timing again = run(imports, export, "re-import");
			System.out.printf(
					"students %,d, path steps %,d, family accounts %,d, audit entries staged or chained: %,d%n",
					count(jdbc, "student"), count(jdbc, "student_path_step"), count(jdbc, "family_account"),
					count(jdbc, "audit_entry") + count(jdbc, "audit_pending"));
			System.out.printf("RESULT first %.1f s (%,.0f rows/s), re-import %.1f s (%,.0f rows/s)%n",
					first.total().toMillis() / 1000.0, first.rowsPerSecond(), again.total().toMillis() / 1000.0,
					again.rowsPerSecond());
		}
		finally {
			app.close();
		}
	}

	/**
	 * Puts the demo schools and a generator's graduates into a benchmark's platform, as
	 * the city imports them: for benchmarks of what follows the import (the placement).
	 */
	public static void importGraduates(ConfigurableApplicationContext app, byte[] export) {
		schools(app.getBean(JdbcClient.class));
		run(app.getBean(GraduateImports.class), export, "graduates imported");
	}

	record Timing(int rows, Duration preview, Duration write) {

		Duration total() {
			return preview.plus(write);
		}

		double rowsPerSecond() {
			return rows / (total().toNanos() / 1e9);
		}

	}

	private static Timing run(GraduateImports imports, byte[] export, String label) {
		long start = System.nanoTime();
		UUID id = imports.start(CITY, "graduates.csv", export, 2017);
		ImportJob preview = waitFor(imports, id);
		Duration read = Duration.ofNanos(System.nanoTime() - start);
		long writeStart = System.nanoTime();
		ImportJob written = preview;
		if (preview.confirmable()) {
			imports.confirm(id, CITY);
			written = waitFor(imports, id);
		}
		Duration write = Duration.ofNanos(System.nanoTime() - writeStart);
		System.out.printf(
				"%s: %,d rows; read, checked and staged in %.1f s; written in %.1f s; added %,d, changed %,d, "
						+ "unchanged %,d, errors %,d, accounts %,d, status %s%n",
				label, preview.rowsRead(), read.toMillis() / 1000.0, write.toMillis() / 1000.0, written.added(),
				written.changed(), written.unchanged(), written.rowsWithErrors(), written.accountsProvisioned(),
				written.status());
		return new Timing(preview.rowsRead(), read, write);
	}

	private static ImportJob waitFor(GraduateImports imports, UUID id) {
		ImportJob job = imports.job(id, CITY);
		while (job.status() == ImportJob.Status.READING || job.status() == ImportJob.Status.WRITING) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			job = imports.job(id, CITY);
		}
		return job;
	}

	private static void schools(JdbcClient jdbc) {
		for (var school : DemoSchools.all()) {
			jdbc.sql("""
					insert into school (code, name, district_code, level, public, address, seats_per_year)
					values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
					""")
				.params(school.code(), school.name(), school.districtCode(), school.level().name(),
						school.publicSchool(), school.address(), school.seatsPerYear())
				.update();
		}
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
