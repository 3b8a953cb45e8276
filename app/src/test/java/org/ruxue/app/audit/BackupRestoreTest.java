package org.ruxue.app.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruxue.app.DatabaseLocation;
import org.ruxue.app.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup procedure of docs/operations.md, run for real: {@code pg_dump} of the
 * running platform's database, {@code pg_restore} into a fresh database, and the audit
 * chain re-computed there (R-G9). Then one restored entry is changed, to show that the
 * check reads the restored copy and can fail.
 */
@IntegrationTest
class BackupRestoreTest {

	@Autowired
	DatabaseLocation location;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	AuditTrail trail;

	record BackedUp(String subject) implements AuditedEvent {

		@Override
		public AuditRecord auditRecord() {
			return new AuditRecord(Actor.of("city-admin", "CITY_ADMIN"), "test.backed-up", "backup-subject", subject,
					List.of("R-G9"), null, "written before the dump");
		}

	}

	@Test
	void aDumpRestoredIntoAFreshDatabaseHasAnIntactChainWithEveryEntry(@TempDir Path dir) throws Exception {
		String subject = UUID.randomUUID().toString();
		for (int i = 0; i < 3; i++) {
			transactions.executeWithoutResult(tx -> events.publishEvent(new BackedUp(subject)));
		}
		ChainVerification before = trail.verify();
		assertThat(before.isIntact()).isTrue();
		Path dump = dir.resolve("ruxue.dump");
		String restored = "ruxue_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

		run("pg_dump", "--format=custom", "--file=" + dump, "--dbname=" + location.database());
		try (Connection admin = DriverManager.getConnection(location.jdbcUrlOf("postgres"), location.user(),
				location.password())) {
			admin.createStatement().execute("create database " + restored);
		}
		try {
			run("pg_restore", "--exit-on-error", "--dbname=" + restored, dump.toString());

			SimpleDriverDataSource copy = new SimpleDriverDataSource(new org.postgresql.Driver(),
					location.jdbcUrlOf(restored), location.user(), location.password());
			AuditTrail restoredTrail = new AuditTrail(
					new AuditEntries(JdbcClient.create(copy), new JdbcTemplate(copy), Clock.systemUTC()),
					new DataSourceTransactionManager(copy));
			ChainVerification after = restoredTrail.verify();
			assertThat(after.isIntact()).as(after.problem()).isTrue();
			assertThat(after.entriesChecked()).isGreaterThanOrEqualTo(before.entriesChecked());
			assertThat(restoredTrail.about("backup-subject", subject)).hasSize(3);

			// the check reads the restored copy: a change there breaks its chain
			try (Connection owner = copy.getConnection()) {
				owner.createStatement()
					.executeUpdate("update audit_entry set after_state = 'changed after restore' "
							+ "where subject_id = '" + subject + "'");
			}
			assertThat(restoredTrail.verify().isIntact()).isFalse();
		}
		finally {
			try (Connection admin = DriverManager.getConnection(location.jdbcUrlOf("postgres"), location.user(),
					location.password())) {
				admin.createStatement().execute("drop database if exists " + restored + " with (force)");
			}
		}
	}

	/**
	 * Runs a PostgreSQL client program against the test's server; fails with its output.
	 */
	private void run(String program, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(program);
		command.add("--host=" + location.host());
		command.add("--port=" + location.port());
		command.add("--username=" + location.user());
		command.add("--no-password");
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (location.password() != null) {
			builder.environment().put("PGPASSWORD", location.password());
		}
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(program + " finished").isTrue();
		assertThat(process.exitValue()).as(program + " failed: " + output).isZero();
	}

}
