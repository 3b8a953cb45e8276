package org.ruxue.app.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruxue.app.DatabaseLocation;
import org.ruxue.app.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * R-G9: the trail records changes in their own transaction, and the chain exposes a
 * modified, a deleted and a reordered entry. Tampering goes through the schema owner's
 * connection (the application's role could not do it) and is undone after each test, so
 * the shared chain stays intact for the other tests.
 */
@IntegrationTest
class AuditTrailTest {

	@Autowired
	AuditTrail trail;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseLocation location;

	private String subject;

	private List<AuditEntry> written;

	record SomethingChanged(String subject, int step) implements AuditedEvent {

		@Override
		public AuditRecord auditRecord() {
			return new AuditRecord(Actor.of("officer-110108", "DISTRICT_OFFICER"), "test.changed", "test-subject",
					subject, List.of("R-G9"), "step=" + (step - 1), "step=" + step);
		}

	}

	@BeforeEach
	void writeThreeEntries() {
		subject = UUID.randomUUID().toString();
		for (int step = 1; step <= 3; step++) {
			int current = step;
			transactions.executeWithoutResult(tx -> events.publishEvent(new SomethingChanged(subject, current)));
		}
		written = trail.about("test-subject", subject);
	}

	@Test
	void appendsEachChangeChainedToTheOneBefore() {
		assertThat(written).hasSize(3);
		assertThat(written.get(1).previousHash()).isEqualTo(written.get(0).hash());
		assertThat(written.get(2).previousHash()).isEqualTo(written.get(1).hash());
		assertThat(written.get(0).ruleIds()).containsExactly("R-G9");
		assertThat(written.get(0).actorRole()).isEqualTo("DISTRICT_OFFICER");
		assertThat(trail.verify().isIntact()).isTrue();
	}

	@Test
	void aChangeThatRollsBackLeavesNoEntry() {
		String rolledBack = UUID.randomUUID().toString();

		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
			events.publishEvent(new SomethingChanged(rolledBack, 1));
			throw new IllegalStateException("the change itself failed");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(trail.about("test-subject", rolledBack)).isEmpty();
		assertThat(trail.verify().isIntact()).isTrue();
	}

	@Test
	void theEntriesOfOneTransactionAreAppendedInOrderWhenItCommits() {
		String together = UUID.randomUUID().toString();

		transactions.executeWithoutResult(tx -> {
			events.publishEvent(new SomethingChanged(together, 1));
			events.publishEvent(new SomethingChanged(together, 2));
			assertThat(trail.about("test-subject", together)).as("not before the commit").isEmpty();
		});

		List<AuditEntry> entries = trail.about("test-subject", together);
		assertThat(entries).extracting(AuditEntry::after).containsExactly("step=1", "step=2");
		assertThat(entries.get(1).position()).isEqualTo(entries.get(0).position() + 1);
	}

	@Test
	void entriesOfConcurrentTransactionsAreAllChainedWithoutGaps() throws Exception {
		String busy = UUID.randomUUID().toString();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<?>> writers = new java.util.ArrayList<>();
			for (int w = 0; w < 8; w++) {
				writers.add(pool.submit(() -> {
					for (int step = 1; step <= 40; step++) {
						int current = step;
						transactions
							.executeWithoutResult(tx -> events.publishEvent(new SomethingChanged(busy, current)));
						if (current % 10 == 0) {
							trail.seal();
						}
					}
				}));
			}
			for (var writer : writers) {
				writer.get();
			}
		}
		finally {
			pool.shutdown();
		}

		List<AuditEntry> entries = trail.about("test-subject", busy);
		assertThat(entries).hasSize(320);
		assertThat(trail.verify().isIntact()).isTrue();
	}

	@Test
	void aChangeWhoseEntryCannotBeWrittenDoesNotCommit() throws Exception {
		String change = UUID.randomUUID().toString();
		try (Connection owner = ownerConnection()) {
			owner.createStatement().execute("create table if not exists audit_test_change (subject text primary key)");
			owner.createStatement().execute("grant select, insert on audit_test_change to public");
		}

		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
			jdbc.sql("insert into audit_test_change values (?)").param(change).update();
			// PostgreSQL refuses a NUL character in text: the append fails at commit
			events.publishEvent(new Unwritable(change));
		})).isInstanceOf(DataAccessException.class);

		assertThat(jdbc.sql("select count(*) from audit_test_change where subject = ?")
			.param(change)
			.query(Long.class)
			.single()).isZero();
	}

	record Unwritable(String subject) implements AuditedEvent {

		@Override
		public AuditRecord auditRecord() {
			return new AuditRecord(Actor.of("officer-110108", "DISTRICT_OFFICER"), "test.changed", "test-subject",
					subject, List.of("R-G9"), null, "x\u0000y");
		}

	}

	@Test
	void detectsAModifiedEntry() throws Exception {
		AuditEntry middle = written.get(1);
		try (Connection owner = ownerConnection()) {
			owner.createStatement()
				.executeUpdate("update audit_entry set after_state = 'step=99' where position = " + middle.position());
			try {
				ChainVerification verification = trail.verify();
				assertThat(verification.isIntact()).isFalse();
				assertThat(verification.firstBrokenPosition()).isEqualTo(middle.position());
				assertThat(verification.problem()).contains("changed");
			}
			finally {
				owner.createStatement()
					.executeUpdate(
							"update audit_entry set after_state = 'step=2' where position = " + middle.position());
			}
		}
		assertThat(trail.verify().isIntact()).isTrue();
	}

	@Test
	void detectsADeletedEntry() throws Exception {
		AuditEntry middle = written.get(1);
		try (Connection owner = ownerConnection()) {
			owner.createStatement()
				.executeUpdate("create temporary table saved as select * from audit_entry where position = "
						+ middle.position());
			owner.createStatement().executeUpdate("delete from audit_entry where position = " + middle.position());
			try {
				ChainVerification verification = trail.verify();
				assertThat(verification.isIntact()).isFalse();
				assertThat(verification.firstBrokenPosition()).isEqualTo(middle.position());
				assertThat(verification.problem()).contains("missing");
			}
			finally {
				owner.createStatement().executeUpdate("insert into audit_entry select * from saved");
			}
		}
		assertThat(trail.verify().isIntact()).isTrue();
	}

	@Test
	void detectsReorderedEntries() throws Exception {
		long first = written.get(0).position();
		long second = written.get(1).position();
		try (Connection owner = ownerConnection()) {
			swap(owner, first, second);
			try {
				ChainVerification verification = trail.verify();
				assertThat(verification.isIntact()).isFalse();
				assertThat(verification.firstBrokenPosition()).isEqualTo(first);
				assertThat(verification.problem()).contains("does not follow");
			}
			finally {
				swap(owner, first, second);
			}
		}
		assertThat(trail.verify().isIntact()).isTrue();
	}

	@Test
	void theApplicationsRoleCanNeitherUpdateNorDeleteEntries() {
		long position = written.get(0).position();

		assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'someone else' where position = ?")
			.param(position)
			.update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied for table audit_entry");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where position = ?").param(position).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied for table audit_entry");
		assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied for table audit_entry");
		assertThat(trail.about("test-subject", subject)).hasSize(3);
	}

	private Connection ownerConnection() throws Exception {
		return DriverManager.getConnection(location.jdbcUrl(), location.user(), location.password());
	}

	private static void swap(Connection owner, long a, long b) throws Exception {
		var statement = owner.createStatement();
		statement.executeUpdate("update audit_entry set position = -1 where position = " + a);
		statement.executeUpdate("update audit_entry set position = " + a + " where position = " + b);
		statement.executeUpdate("update audit_entry set position = " + b + " where position = -1");
	}

}
