package org.ruxue.app.registry;

import java.io.OutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ruxue.app.RuxueApplication;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.zoning.DemoSchools;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.EntryLevel;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hand-off benchmark (docs/benchmarks/registry.md). Boots the whole platform against
 * a fresh PostgreSQL database of its own (dropped at the end), puts the demo schools into
 * it, then hands a city's 150,000 junior-entry enrollments over as the admission module
 * would: {@link EnrollmentHandoffs#record} once, the same again (nothing changes), 1,000
 * corrections; then a send through the local adapter, the export in XLSX and CSV, and a
 * reconciliation. Not a test: run it with the command in the docs.
 */
public final class HandoffBenchmark {

	private static final Actor ADMISSION = Actor.of("bench-admission", "SYSTEM");

	private HandoffBenchmark() {
	}

	public static void main(String[] args) {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 150_000;
		List<String> settings = new ArrayList<>(List.of("--ruxue.database.ephemeral=true",
				"--ruxue.clock.fixed=2017-07-10T09:00:00+08:00", "--server.port=0", "--logging.level.root=WARN",
				"--logging.level.org.ruxue.app.registry.EnrollmentHandoffs=INFO"));
		settings.addAll(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
		ConfigurableApplicationContext app = SpringApplication.run(RuxueApplication.class,
				settings.toArray(String[]::new));
		try {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			List<School> juniors = schools(jdbc);
			EnrollmentHandoffs handoffs = app.getBean(EnrollmentHandoffs.class);
			List<Enrollment> enrollments = enrollments(count, juniors);

			long start = System.nanoTime();
			int first = handoffs.record(enrollments, ADMISSION);
			Duration recorded = since(start);
			start = System.nanoTime();
			int again = handoffs.record(enrollments, ADMISSION);
			Duration recordedAgain = since(start);
			List<Enrollment> corrections = new ArrayList<>(enrollments);
			for (int i = 0; i < 1_000; i++) {
				corrections.set(i * (count / 1_000), corrected(enrollments.get(i * (count / 1_000)), juniors));
			}
			start = System.nanoTime();
			int corrected = handoffs.record(corrections, ADMISSION);
			Duration recordedCorrections = since(start);
			start = System.nanoTime();
			SendReport report = handoffs.send(2017, EntryLevel.JUNIOR, ADMISSION);
			Duration sent = since(start);
			start = System.nanoTime();
			SendReport sentAgain = handoffs.send(2017, EntryLevel.JUNIOR, ADMISSION);
			Duration sentAgainTime = since(start);
			Counting xlsx = new Counting();
			start = System.nanoTime();
			handoffs.export(2017, EntryLevel.JUNIOR, "xlsx", xlsx, ADMISSION);
			Duration exportedXlsx = since(start);
			Counting csv = new Counting();
			start = System.nanoTime();
			handoffs.export(2017, EntryLevel.JUNIOR, "csv", csv, ADMISSION);
			Duration exportedCsv = since(start);
			start = System.nanoTime();
			Reconciliation reconciliation = handoffs.reconcile(2017, EntryLevel.JUNIOR, ADMISSION);
			Duration reconciled = since(start);

			System.out.printf("record %,d: %,d new in %.1f s%n", count, first, seconds(recorded));
			System.out.printf("record the same again: %,d new or changed in %.1f s%n", again, seconds(recordedAgain));
			System.out.printf("record with 1,000 corrections: %,d changed in %.1f s%n", corrected,
					seconds(recordedCorrections));
			System.out.printf("send (local adapter): %,d in %,d batches, %,d acknowledged, in %.1f s%n", report.sent(),
					report.batches(), report.acknowledged(), seconds(sent));
			System.out.printf("send again: %,d sent in %.1f s%n", sentAgain.sent(), seconds(sentAgainTime));
			System.out.printf("export xlsx: %,d bytes in %.1f s; csv: %,d bytes in %.1f s%n", xlsx.bytes,
					seconds(exportedXlsx), csv.bytes, seconds(exportedCsv));
			System.out.printf("reconcile: %,d present of %,d held in %.1f s%n",
					reconciliation.count(Reconciliation.Finding.PRESENT), reconciliation.heldByRegistry(),
					seconds(reconciled));
			System.out.printf("RESULT record %.1f s, record again %.1f s, send %.1f s%n", seconds(recorded),
					seconds(recordedAgain), seconds(sent));
		}
		finally {
			app.close();
		}
	}

	private static List<School> schools(JdbcClient jdbc) {
		for (School school : DemoSchools.all()) {
			jdbc.sql("""
					insert into school (code, name, district_code, level, public, address, seats_per_year)
					values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
					""")
				.params(school.code(), school.name(), school.districtCode(), school.level().name(),
						school.publicSchool(), school.address(), school.seatsPerYear())
				.update();
		}
		return DemoSchools.all().stream().filter(s -> !s.level().name().equals("PRIMARY")).toList();
	}

	private static List<Enrollment> enrollments(int count, List<School> juniors) {
		List<Enrollment> all = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			LocalDate born = LocalDate.of(2004, 9, 1).plusDays(i % 365);
			IdCardNumber id = IdCardNumber
				.withCheckDigit("110101" + born.toString().replace("-", "") + String.format("%03d", (i / 365) % 1000));
			School school = juniors.get(i % juniors.size());
			String educationId = String.format("G%011d", i);
			all.add(new Enrollment(EntryLevel.JUNIOR, 2017, educationId, school.districtCode(), school.code(),
					"LOTTERY", "学生" + i, id.isMale() ? "MALE" : "FEMALE", born, id, educationId));
		}
		return all;
	}

	/**
	 * The enrollment at another school of its district, or the same school by correction.
	 */
	private static Enrollment corrected(Enrollment e, List<School> juniors) {
		String school = juniors.stream()
			.filter(s -> s.districtCode().equals(e.districtCode()) && !s.code().equals(e.schoolCode()))
			.map(School::code)
			.findFirst()
			.orElse(e.schoolCode());
		return new Enrollment(e.level(), e.year(), e.key(), e.districtCode(), school, "CORRECTION", e.name(), e.sex(),
				e.birthDate(), e.idNumber(), e.educationId());
	}

	private static Duration since(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static double seconds(Duration d) {
		return d.toMillis() / 1000.0;
	}

	private static final class Counting extends OutputStream {

		long bytes;

		@Override
		public void write(int b) {
			bytes++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			bytes += len;
		}

	}

}
