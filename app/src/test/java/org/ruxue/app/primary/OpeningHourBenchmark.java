package org.ruxue.app.primary;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ruxue.app.RuxueApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The platform for the opening-hour load benchmark (docs/benchmarks/load.md): boots it on
 * a port against a fresh database of its own (dropped at the end), with the clock inside
 * the primary registration window, {@code families} activated family accounts with their
 * children and fathers in the population register, and a zone of 200 addresses. Writes
 * {@code families.tsv} (one family a line: the child's ID number, name and the
 * registration form's fields, URL-encoded) for {@code bench/opening-hour.lua}, and waits.
 * When the file {@code stop} appears in the output directory it checks that every
 * registration wrk saw acknowledged ({@code acked-*.txt}) is in the database, prints the
 * counts and stops. Not a test: run it with the command in the docs.
 */
public final class OpeningHourBenchmark {

	/** Every family's password: one hash, computed once, for all the accounts. */
	static final String PASSWORD = "opening hour family password";

	private OpeningHourBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int families = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		int port = (args.length > 1) ? Integer.parseInt(args[1]) : 8092;
		Path out = Path.of((args.length > 2) ? args[2] : "app/target/load");
		Files.createDirectories(out);
		try (Stream<Path> old = Files.list(out)) {
			for (Path file : old.toList()) {
				Files.delete(file);
			}
		}
		ConfigurableApplicationContext app = SpringApplication.run(RuxueApplication.class,
				"--ruxue.database.ephemeral=true", "--ruxue.clock.fixed=2017-05-10T09:00:00+08:00",
				"--server.port=" + port, "--logging.level.root=WARN");
		try {
			List<PrimarySubmissionBenchmark.Applicant> applicants = PrimarySubmissionBenchmark.prepare(app, families);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			String hash = app.getBean(PasswordEncoder.class).encode(PASSWORD);
			jdbc.sql("update account set password_hash = ?, password_changed_at = now() where role = 'PARENT'")
				.param(hash)
				.update();
			jdbc.sql("update family_account set activated_at = now()").update();
			try (PrintWriter lines = new PrintWriter(Files.newBufferedWriter(out.resolve("families.tsv")))) {
				for (PrimarySubmissionBenchmark.Applicant a : applicants) {
					RegistrationForm form = a.form();
					lines.println(form.getChildIdNumber() + "\t" + form.getChildName() + "\t"
							+ encode(FamilyOverHttp.fields(form)));
				}
			}
			System.out.printf("ready: %,d families on port %d; touch %s to check and stop%n", families, port,
					out.resolve("stop"));
			while (!Files.exists(out.resolve("stop"))) {
				Thread.sleep(500);
			}
			check(jdbc, out);
		}
		finally {
			app.close();
		}
	}

	/** Every acknowledged registration is in the database, and nothing twice. */
	private static void check(JdbcClient jdbc, Path out) throws IOException {
		List<String> acked = new ArrayList<>();
		try (Stream<Path> files = Files.list(out)) {
			for (Path file : files.filter(f -> f.getFileName().toString().startsWith("acked-")).toList()) {
				acked.addAll(Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList());
			}
		}
		long stored = jdbc.sql("select count(*) from primary_registration").query(Long.class).single();
		long missing = 0;
		for (String id : acked) {
			if (jdbc.sql("select count(*) from primary_registration where id = ?::uuid")
				.param(id)
				.query(Long.class)
				.single() == 0) {
				missing++;
			}
		}
		long distinct = acked.stream().distinct().count();
		System.out.printf("acknowledged: %,d (distinct %,d); in the database: %,d registrations; acknowledged but "
				+ "missing: %,d%n", acked.size(), distinct, stored, missing);
	}

	private static String encode(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
