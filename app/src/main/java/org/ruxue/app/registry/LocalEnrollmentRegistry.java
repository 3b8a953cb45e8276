package org.ruxue.app.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.ruxue.app.zoning.EntryLevel;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code local} adapter (the default): the registry's copy in the table
 * {@code registry_handoff_copy} of this database, so that the hand-off works, and can be
 * reconciled, without the real registry. Each record is acknowledged with a reference of
 * its own ({@code LOCAL-000000001}). Like the registry, it applies a record once per
 * version: a version it holds already, or an older one, changes nothing but the count of
 * deliveries.
 */
class LocalEnrollmentRegistry implements EnrollmentRegistry {

	private final JdbcClient jdbc;

	private final Clock clock;

	LocalEnrollmentRegistry(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Delivery send(Batch batch) {
		Timestamp now = Timestamp.from(clock.instant());
		List<Outgoing> records = batch.records();
		List<Receipt> receipts = jdbc.sql("""
				insert into registry_handoff_copy (year, level, enrollment_key, version, school_code, district_code,
				  method, education_id, reference, first_received_at, last_received_at)
				select ?, ?, r.k, r.v, r.s, r.d, r.m, r.e,
				  'LOCAL-' || lpad(nextval('registry_handoff_copy_reference_seq')::text, 9, '0'), ?, ?
				from unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[]) as r (k, v, s, d, m, e)
				on conflict (year, level, enrollment_key) do update set
				  receipts = registry_handoff_copy.receipts + 1,
				  last_received_at = excluded.last_received_at,
				  version = greatest(registry_handoff_copy.version, excluded.version),
				  school_code = case when excluded.version > registry_handoff_copy.version
				    then excluded.school_code else registry_handoff_copy.school_code end,
				  district_code = case when excluded.version > registry_handoff_copy.version
				    then excluded.district_code else registry_handoff_copy.district_code end,
				  method = case when excluded.version > registry_handoff_copy.version
				    then excluded.method else registry_handoff_copy.method end,
				  education_id = case when excluded.version > registry_handoff_copy.version
				    then excluded.education_id else registry_handoff_copy.education_id end
				returning enrollment_key, reference
				""")
			.params(batch.year(), batch.level().name(), now, now,
					records.stream().map(Outgoing::key).toArray(String[]::new),
					records.stream().map(Outgoing::version).toArray(Integer[]::new),
					records.stream().map(Outgoing::schoolCode).toArray(String[]::new),
					records.stream().map(Outgoing::districtCode).toArray(String[]::new),
					records.stream().map(Outgoing::method).toArray(String[]::new),
					records.stream().map(Outgoing::educationId).toArray(String[]::new))
			.query((rs, n) -> new Receipt(rs.getString(1), Outcome.ACKNOWLEDGED, rs.getString(2), null))
			.list();
		return new Delivery(receipts, 1);
	}

	@Override
	public List<Held> list(int year, EntryLevel level) {
		return jdbc.sql("""
				select enrollment_key, version, reference, school_code from registry_handoff_copy
				where year = ? and level = ? order by enrollment_key
				""")
			.params(year, level.name())
			.query((rs, n) -> new Held(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
			.list();
	}

}
