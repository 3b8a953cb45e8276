package org.ruxue.app.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The trail in PostgreSQL. An entry is staged in its publisher's transaction and chained
 * later under a transaction-scoped advisory lock, so positions have no gaps and each
 * entry chains onto the one before it; there is deliberately no update or delete of the
 * chain here (and the application's role has no grant for either).
 */
@Repository
class AuditEntries {

	/** Key of the advisory lock that serialises appends: "ruxue-audit" as an int. */
	private static final long APPEND_LOCK = 0x72757861756474L;

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final Clock clock;

	AuditEntries(JdbcClient jdbc, JdbcTemplate batches, Clock clock) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.clock = clock;
	}

	/** Writes the entry in the caller's transaction, to be chained once it commits. */
	void stage(AuditRecord record) {
		Actor actor = record.actor();
		jdbc.sql("""
				insert into audit_pending (occurred_at, actor, actor_role, on_behalf_of, action, subject_type,
				  subject_id, rule_ids, before_state, after_state)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)), actor.name(), actor.role(),
					actor.onBehalfOf(), record.action(), record.subjectType(), record.subjectId(),
					String.join(",", record.ruleIds()), record.before(), record.after())
			.update();
	}

	/**
	 * Chains up to {@code batch} committed staged entries onto the trail, in the order
	 * they were staged, and removes them from the stage; the caller's transaction commits
	 * both or neither. Sealers on every node take the chain's lock in turn.
	 * @return how many were chained
	 */
	int sealBatch(int batch) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().singleRow();
		List<Staged> staged = jdbc.sql("select * from audit_pending order by id limit ?")
			.param(batch)
			.query((rs, n) -> new Staged(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					new Actor(rs.getString("actor"), rs.getString("actor_role"), rs.getString("on_behalf_of")),
					rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
					rules(rs.getString("rule_ids")), rs.getString("before_state"), rs.getString("after_state")))
			.list();
		if (staged.isEmpty()) {
			return 0;
		}
		var last = jdbc.sql("select position, hash from audit_entry order by position desc limit 1")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.optional();
		long position = last.map(row -> (Long) row[0]).orElse(0L);
		String previousHash = last.map(row -> (String) row[1]).orElse(AuditEntry.GENESIS);
		List<AuditEntry> chained = new ArrayList<>(staged.size());
		for (Staged s : staged) {
			AuditEntry unsigned = new AuditEntry(++position, s.occurredAt(), s.actor().name(), s.actor().role(),
					s.actor().onBehalfOf(), s.action(), s.subjectType(), s.subjectId(), s.ruleIds(), s.before(),
					s.after(), previousHash, null);
			AuditEntry entry = withHash(unsigned, ChainHash.of(unsigned));
			chained.add(entry);
			previousHash = entry.hash();
		}
		batches.batchUpdate("""
				insert into audit_entry (position, occurred_at, actor, actor_role, on_behalf_of, action, subject_type,
				  subject_id, rule_ids, before_state, after_state, previous_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""",
				chained.stream()
					.map(e -> new Object[] { e.position(), Timestamp.from(e.occurredAt()), e.actor(), e.actorRole(),
							e.onBehalfOf(), e.action(), e.subjectType(), e.subjectId(), String.join(",", e.ruleIds()),
							e.before(), e.after(), e.previousHash(), e.hash() })
					.toList());
		batches.batchUpdate("delete from audit_pending where id = ?",
				staged.stream().map(st -> new Object[] { st.id() }).toList());
		return staged.size();
	}

	private static List<String> rules(String rules) {
		return rules.isEmpty() ? List.of() : Arrays.asList(rules.split(","));
	}

	private record Staged(long id, Instant occurredAt, Actor actor, String action, String subjectType, String subjectId,
			List<String> ruleIds, String before, String after) {
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
