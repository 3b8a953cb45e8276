package org.ruxue.app.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The trail in PostgreSQL. Appending takes a transaction-scoped advisory lock, so
 * positions have no gaps and each entry chains onto the one committed before it; there is
 * deliberately no update or delete here (and the application's role has no grant for
 * either).
 */
@Repository
class AuditEntries {

	/** Key of the advisory lock that serialises appends: "ruxue-audit" as an int. */
	private static final long APPEND_LOCK = 0x72757861756474L;

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditEntries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	AuditEntry append(AuditRecord record) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().singleRow();
		var last = jdbc.sql("select position, hash from audit_entry order by position desc limit 1")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.optional();
		long position = last.map(row -> (Long) row[0] + 1).orElse(1L);
		String previousHash = last.map(row -> (String) row[1]).orElse(AuditEntry.GENESIS);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Actor actor = record.actor();
		AuditEntry unsigned = new AuditEntry(position, now, actor.name(), actor.role(), actor.onBehalfOf(),
				record.action(), record.subjectType(), record.subjectId(), record.ruleIds(), record.before(),
				record.after(), previousHash, null);
		AuditEntry entry = withHash(unsigned, ChainHash.of(unsigned));
		jdbc.sql("""
				insert into audit_entry (position, occurred_at, actor, actor_role, on_behalf_of, action, subject_type,
				  subject_id, rule_ids, before_state, after_state, previous_hash, hash)
				values (:position, :occurredAt, :actor, :role, :onBehalfOf, :action, :subjectType,
				  :subjectId, :ruleIds, :before, :after, :previousHash, :hash)
				""")
			.param("position", entry.position())
			.param("occurredAt", Timestamp.from(entry.occurredAt()))
			.param("actor", entry.actor())
			.param("role", entry.actorRole())
			.param("onBehalfOf", entry.onBehalfOf())
			.param("action", entry.action())
			.param("subjectType", entry.subjectType())
			.param("subjectId", entry.subjectId())
			.param("ruleIds", String.join(",", entry.ruleIds()))
			.param("before", entry.before())
			.param("after", entry.after())
			.param("previousHash", entry.previousHash())
			.param("hash", entry.hash())
			.update();
		return entry;
	}

	/** Streams the whole chain in order without holding it in memory. */
	void forEachInOrder(Consumer<AuditEntry> consumer) {
		try (var entries = jdbc.sql("select * from audit_entry order by position")
			.withFetchSize(5_000)
			.query(AuditEntries::map)
			.stream()) {
			entries.forEach(consumer);
		}
	}

	List<AuditEntry> latest(int limit) {
		return jdbc.sql("select * from audit_entry order by position desc limit ?")
			.param(limit)
			.query(AuditEntries::map)
			.list();
	}

	List<AuditEntry> about(String subjectType, String subjectId) {
		return jdbc.sql("select * from audit_entry where subject_type = ? and subject_id = ? order by position")
			.params(subjectType, subjectId)
			.query(AuditEntries::map)
			.list();
	}

	private static AuditEntry withHash(AuditEntry e, String hash) {
		return new AuditEntry(e.position(), e.occurredAt(), e.actor(), e.actorRole(), e.onBehalfOf(), e.action(),
				e.subjectType(), e.subjectId(), e.ruleIds(), e.before(), e.after(), e.previousHash(), hash);
	}

	private static AuditEntry map(ResultSet rs, int row) throws SQLException {
		String rules = rs.getString("rule_ids");
		return new AuditEntry(rs.getLong("position"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("actor_role"), rs.getString("on_behalf_of"), rs.getString("action"),
				rs.getString("subject_type"), rs.getString("subject_id"),
				rules.isEmpty() ? List.of() : Arrays.asList(rules.split(",")), rs.getString("before_state"),
				rs.getString("after_state"), rs.getString("previous_hash"), rs.getString("hash"));
	}

}
