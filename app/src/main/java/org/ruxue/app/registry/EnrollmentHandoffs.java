package org.ruxue.app.registry;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.population.SealedIdNumbers;
import org.ruxue.app.spreadsheet.SpreadsheetWriter;
import org.ruxue.app.zoning.EntryLevel;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hand-off of new enrollments to the electronic student registry (R-G3; a child gets
 * a student record only through it, R-P12; docs/registry.md). The admission module
 * records each year's enrollments here; the city sends them through the
 * {@link EnrollmentRegistry} port, exports the file the registry imports, and reconciles
 * the two sides. Recording is idempotent by year, level and key: the same enrollment
 * again changes nothing, a changed one (a correction) becomes a new version to be sent
 * again, on the record. Senders claim rows with {@code FOR UPDATE SKIP LOCKED}, so that
 * several nodes sending at once send each row once; every staff action is audited.
 */
@Service
public class EnrollmentHandoffs {

	private static final Logger log = LoggerFactory.getLogger(EnrollmentHandoffs.class);

	/** Key of the advisory lock that lets one recording write at a time, cluster-wide. */
	private static final long RECORD_LOCK = 0x7275787565484f46L;

	/** Enrollments sent to the database per statement while recording. */
	private static final int CHUNK = 10_000;

	/** The fields of a staged enrollment s that differ from its row h, by name. */
	private static final String CHANGED_FIELDS = """
			array_remove(array[
			  case when h.district_code::text <> s.district_code then 'district_code' end,
			  case when h.school_code <> s.school_code then 'school_code' end,
			  case when h.method <> s.method then 'method' end,
			  case when h.name <> s.name then 'name' end,
			  case when h.sex <> s.sex then 'sex' end,
			  case when h.birth_date <> s.birth_date then 'birth_date' end,
			  case when h.child_id_hash is distinct from s.child_id_hash then 'id_number' end,
			  case when h.education_id is distinct from s.education_id then 'education_id' end], null)
			""";

	private static final String HANDED_OFF = """
			select year, level, enrollment_key, district_code, school_code, method, version, status, attempts,
			  registry_reference, last_error
			from registry_handoff
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	private final SealedIdNumbers sealed;

	private final EnrollmentRegistry registry;

	private final HandoffProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	EnrollmentHandoffs(JdbcClient jdbc, DataSource dataSource, SealedIdNumbers sealed, EnrollmentRegistry registry,
			HandoffProperties properties, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(2_000);
		this.sealed = sealed;
		this.registry = registry;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Records enrollments for the hand-off, all or none: a new one is pending; one
	 * recorded already with the same data is left as it is (whatever its status); one
	 * that differs (a correction: another school, method, name, …) takes the new data as
	 * its next version, pending again, with an audit entry naming the changed fields.
	 * @return how many enrollments were new or changed
	 * @throws IllegalArgumentException when a year, level and key comes twice, or a
	 * school does not exist, is not in the enrollment's district or not of its level
	 */
	public int record(List<Enrollment> enrollments, Actor by) {
		Objects.requireNonNull(by, "by");
		if (enrollments.isEmpty()) {
			return 0;
		}
		refuseDuplicates(enrollments);
		byte[][] seals = new byte[enrollments.size()][];
		byte[][] hashes = new byte[enrollments.size()][];
		IntStream.range(0, enrollments.size()).parallel().forEach(i -> {
			IdCardNumber number = enrollments.get(i).idNumber();
			if (number != null) {
				seals[i] = sealed.seal(number);
				hashes[i] = sealed.lookupHash(number);
			}
		});
		long began = System.nanoTime();
		Integer written = transaction.execute(tx -> {
			jdbc.sql("select pg_advisory_xact_lock(?)").param(RECORD_LOCK).query().singleRow();
			stage(enrollments, seals, hashes);
			refuseUnknownSchools();
			return write(by);
		});
		log.info("Registry hand-off: {} enrollments recorded in {} ms, {} new or changed", enrollments.size(),
				(System.nanoTime() - began) / 1_000_000, written);
		return Objects.requireNonNull(written);
	}

	/**
	 * As {@link #export(int, EntryLevel, String, OutputStream, Actor)}, by the system.
	 */
	public void export(int year, EntryLevel level, String format, OutputStream out) {
		export(year, level, format, out, Actor.SYSTEM);
	}

	/**
	 * Writes the file the registry imports: every enrollment of the year and level in its
	 * current version, whatever its status, in the columns of docs/registry.md with
	 * Chinese headings, ordered by district, school and key. Full ID numbers: the read is
	 * audited. It changes no status: only {@link #send} does.
	 * @param format {@code xlsx} or {@code csv}
	 */
	public void export(int year, EntryLevel level, String format, OutputStream out, Actor by) {
		if (!SpreadsheetWriter.FORMATS.contains(format)) {
			throw new IllegalArgumentException("An export is xlsx or csv, not " + format);
		}
		int[] rows = { 0 };
		try (SpreadsheetWriter writer = SpreadsheetWriter.of(format, out, HandoffColumns.sheetName(year, level),
				HandoffColumns.HEADINGS)) {
			transaction.executeWithoutResult(tx -> streaming.query("""
					select year, level, enrollment_key, education_id, name, child_id_sealed, sex, birth_date,
					  district_code, school_code, method, version
					from registry_handoff where year = ? and level = ?
					order by district_code, school_code, enrollment_key
					""", rs -> {
				byte[] seal = rs.getBytes("child_id_sealed");
				writer.row(Arrays.asList(Integer.toString(rs.getInt("year")), HandoffColumns.level(level),
						rs.getString("enrollment_key"), rs.getString("education_id"), rs.getString("name"),
						(seal != null) ? sealed.open(seal).value() : null, HandoffColumns.sex(rs.getString("sex")),
						rs.getObject("birth_date", java.time.LocalDate.class).toString(),
						rs.getString("district_code").strip(), rs.getString("school_code"), rs.getString("method"),
						Integer.toString(rs.getInt("version"))));
				rows[0]++;
			}, year, level.name()));
		}
		events.publishEvent(new EnrollmentsExported(year, level, format, rows[0], by));
	}

	/** As {@link #send(int, EntryLevel, Actor)}, by the system. */
	public SendReport send(int year, EntryLevel level) {
		return send(year, level, Actor.SYSTEM);
	}

	/**
	 * Sends the year and level's pending enrollments (new, changed, or failed because the
	 * registry could not be reached) in batches until none is left, and records the
	 * registry's answer on each. Stops at the first batch the registry cannot take: that
	 * batch is failed, the rest stays pending. Another send at the same time, on this
	 * node or another, takes other rows.
	 */
	public SendReport send(int year, EntryLevel level, Actor by) {
		Tally tally = new Tally();
		String failure = null;
		while (failure == null) {
			String claim = UUID.randomUUID().toString();
			List<Claimed> claimed = claim(year, level, claim);
			if (claimed.isEmpty()) {
				break;
			}
			tally.batches++;
			EnrollmentRegistry.Batch batch = batch(year, level, claimed);
			try {
				EnrollmentRegistry.Delivery delivery = registry.send(batch);
				complete(claimed, claim, delivery, tally);
			}
			catch (RegistryUnavailable ex) {
				failure = ex.getMessage();
				fail(claim, failure, ex.attempts());
				tally.failed += claimed.size();
			}
			catch (RuntimeException ex) {
				log.error("Registry hand-off of {} {}: batch {} could not be sent", year, level, batch.idempotencyKey(),
						ex);
				failure = ex.getClass().getSimpleName();
				fail(claim, failure, 1);
				tally.failed += claimed.size();
			}
		}
		SendReport report = new SendReport(year, level, tally.batches,
				tally.acknowledged + tally.awaiting + tally.failed, tally.acknowledged, tally.awaiting, tally.failed,
				toSend(year, level), failure);
		events.publishEvent(new EnrollmentsSent(report, properties.adapter(), by));
		return report;
	}

	/** As {@link #reconcile(int, EntryLevel, Actor)}, by the system. */
	public Reconciliation reconcile(int year, EntryLevel level) {
		return reconcile(year, level, Actor.SYSTEM);
	}

	/**
	 * Compares the year and level's hand-off with what the registry holds: sent and
	 * present in the version sent; sent but missing, or held in another version; held by
	 * the registry but not ours; not sent yet, or failed, here. Changes nothing.
	 * @throws RegistryUnavailable when the registry cannot tell what it holds
	 */
	public Reconciliation reconcile(int year, EntryLevel level, Actor by) {
		Map<String, EnrollmentRegistry.Held> held = new LinkedHashMap<>();
		for (EnrollmentRegistry.Held h : registry.list(year, level)) {
			held.put(h.key(), h);
		}
		List<Reconciliation.Line> lines = new ArrayList<>();
		Set<String> ours = new HashSet<>();
		for (HandedOff h : jdbc.sql(HANDED_OFF + " where year = ? and level = ? order by enrollment_key")
			.params(year, level.name())
			.query(EnrollmentHandoffs::handedOff)
			.list()) {
			ours.add(h.key());
			EnrollmentRegistry.Held there = held.get(h.key());
			lines.add(
					new Reconciliation.Line(finding(h, there), h.key(), h.schoolCode(), h.status(), h.version(),
							(there != null) ? there.version() : null, (h.registryReference() != null)
									? h.registryReference() : (there != null) ? there.reference() : null,
							h.lastError()));
		}
		for (EnrollmentRegistry.Held there : held.values()) {
			if (!ours.contains(there.key())) {
				lines.add(new Reconciliation.Line(Reconciliation.Finding.UNEXPECTED, there.key(), there.schoolCode(),
						null, null, there.version(), there.reference(), null));
			}
		}
		lines.sort(Comparator.comparing(Reconciliation.Line::finding).thenComparing(Reconciliation.Line::key));
		Reconciliation reconciliation = new Reconciliation(year, level, held.size(), lines);
		events.publishEvent(EnrollmentsReconciled.of(reconciliation, by));
		return reconciliation;
	}

	/** How many enrollments of the year and level stand at each status. */
	public HandoffCounts counts(int year, EntryLevel level) {
		Map<HandoffStatus, Integer> counts = new EnumMap<>(HandoffStatus.class);
		jdbc.sql("select status, count(*) from registry_handoff where year = ? and level = ? group by status")
			.params(year, level.name())
			.query(rs -> {
				counts.put(HandoffStatus.valueOf(rs.getString(1)), rs.getInt(2));
			});
		return new HandoffCounts(year, level, counts);
	}

	/**
	 * How many enrollments of the year and level the next send would take: pending, and
	 * failed for want of the registry.
	 */
	public int toSend(int year, EntryLevel level) {
		return jdbc.sql("""
				select count(*) from registry_handoff where year = ? and level = ?
				  and (status = 'PENDING' or (status = 'FAILED' and retry))
				""").params(year, level.name()).query(Integer.class).single();
	}

	/** One enrollment's hand-off, without personal data. */
	public Optional<HandedOff> find(int year, EntryLevel level, String key) {
		return jdbc.sql(HANDED_OFF + " where year = ? and level = ? and enrollment_key = ?")
			.params(year, level.name(), key)
			.query(EnrollmentHandoffs::handedOff)
			.optional();
	}

	/** Which adapter sends: {@code local} or {@code http}. */
	public String adapter() {
		return properties.adapter();
	}

	private static void refuseDuplicates(List<Enrollment> enrollments) {
		Set<String> seen = new HashSet<>();
		for (Enrollment e : enrollments) {
			if (!seen.add(e.year() + " " + e.level() + " " + e.key())) {
				throw new IllegalArgumentException(
						"The enrollment " + e.year() + " " + e.level() + " " + e.key() + " comes more than once");
			}
		}
	}

	private void stage(List<Enrollment> enrollments, byte[][] seals, byte[][] hashes) {
		jdbc.sql("""
				create temporary table registry_handoff_stage (year int, level text, enrollment_key text,
				  district_code text, school_code text, method text, name text, sex text, birth_date date,
				  child_id_sealed bytea, child_id_hash bytea, education_id text, position int, action text)
				on commit drop
				""").update();
		for (int from = 0; from < enrollments.size(); from += CHUNK) {
			int to = Math.min(enrollments.size(), from + CHUNK);
			List<Enrollment> chunk = enrollments.subList(from, to);
			jdbc.sql("""
					insert into registry_handoff_stage (year, level, enrollment_key, district_code, school_code, method,
					  name, sex, birth_date, child_id_sealed, child_id_hash, education_id, position)
					select * from unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
					  ?::text[], ?::date[], ?::bytea[], ?::bytea[], ?::text[], ?::int[])
					""")
				.params(chunk.stream().map(Enrollment::year).toArray(Integer[]::new),
						chunk.stream().map(e -> e.level().name()).toArray(String[]::new),
						chunk.stream().map(Enrollment::key).toArray(String[]::new),
						chunk.stream().map(Enrollment::districtCode).toArray(String[]::new),
						chunk.stream().map(Enrollment::schoolCode).toArray(String[]::new),
						chunk.stream().map(Enrollment::method).toArray(String[]::new),
						chunk.stream().map(Enrollment::name).toArray(String[]::new),
						chunk.stream().map(Enrollment::sex).toArray(String[]::new),
						chunk.stream().map(e -> e.birthDate().toString()).toArray(String[]::new),
						Arrays.copyOfRange(seals, from, to), Arrays.copyOfRange(hashes, from, to),
						chunk.stream().map(Enrollment::educationId).toArray(String[]::new),
						IntStream.range(from, to).boxed().toArray(Integer[]::new))
				.update();
		}
		jdbc.sql("create index on registry_handoff_stage (year, level, enrollment_key)").update();
		jdbc.sql("analyze registry_handoff_stage").update();
	}

	/**
	 * A school must exist, be in the enrollment's district and teach its level (a
	 * nine-year school teaches both).
	 */
	private void refuseUnknownSchools() {
		List<String> wrong = jdbc.sql("""
				select s.year || ' ' || s.level || ' ' || s.enrollment_key || ': ' || s.school_code
				from registry_handoff_stage s left join school c on c.code = s.school_code
				where c.code is null or c.district_code::text <> s.district_code
				   or c.level not in (s.level, 'NINE_YEAR')
				order by s.enrollment_key limit 5
				""").query(String.class).list();
		if (!wrong.isEmpty()) {
			throw new IllegalArgumentException(
					"Schools unknown, in another district or of another level: " + String.join("; ", wrong));
		}
	}

	private int write(Actor by) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				update registry_handoff_stage s
				set action = case when cardinality(%s) > 0 then 'CHANGE' else 'UNCHANGED' end
				from registry_handoff h
				where h.year = s.year and h.level = s.level and h.enrollment_key = s.enrollment_key
				""".formatted(CHANGED_FIELDS)).update();
		List<EnrollmentCorrected> corrections = jdbc.sql("""
				select h.year, h.level, h.enrollment_key, h.version, h.school_code, s.school_code, h.method, s.method,
				  %s as fields
				from registry_handoff_stage s
				join registry_handoff h on h.year = s.year and h.level = s.level and h.enrollment_key = s.enrollment_key
				where s.action = 'CHANGE' order by h.id
				""".formatted(CHANGED_FIELDS))
			.query((rs, n) -> new EnrollmentCorrected(rs.getInt(1), EntryLevel.valueOf(rs.getString(2)),
					rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
					strings(rs.getArray(9)), by))
			.list();
		int changed = jdbc.sql("""
				update registry_handoff h
				set district_code = s.district_code, school_code = s.school_code, method = s.method, name = s.name,
				  sex = s.sex, birth_date = s.birth_date, child_id_sealed = s.child_id_sealed,
				  child_id_hash = s.child_id_hash, education_id = s.education_id, version = h.version + 1,
				  status = 'PENDING', retry = true, attempts = 0, last_error = null, claim_key = null,
				  claimed_until = null, changed_at = ?
				from registry_handoff_stage s
				where s.action = 'CHANGE' and h.year = s.year and h.level = s.level
				  and h.enrollment_key = s.enrollment_key
				""").param(now).update();
		int added = jdbc.sql("""
				insert into registry_handoff (year, level, enrollment_key, district_code, school_code, method, name,
				  sex, birth_date, child_id_sealed, child_id_hash, education_id, recorded_at, recorded_by, changed_at)
				select year, level, enrollment_key, district_code, school_code, method, name, sex, birth_date,
				  child_id_sealed, child_id_hash, education_id, ?, ?, ?
				from registry_handoff_stage where action is null order by position
				""").params(now, by.name(), now).update();
		jdbc.sql("""
				select year, level, count(*) filter (where action is null), count(*) filter (where action = 'CHANGE'),
				  count(*) filter (where action = 'UNCHANGED')
				from registry_handoff_stage group by year, level order by year, level
				""")
			.query((rs, n) -> new EnrollmentsRecorded(rs.getInt(1), EntryLevel.valueOf(rs.getString(2)), rs.getInt(3),
					rs.getInt(4), rs.getInt(5), by))
			.list()
			.forEach(events::publishEvent);
		corrections.forEach(events::publishEvent);
		return added + changed;
	}

	/** A row a sender took, with what the registry needs of it. */
	private record Claimed(long id, EnrollmentRegistry.Outgoing record) {

	}

	/**
	 * What a sender takes, in this order: failed for want of the registry (so that a
	 * failed batch goes again as it was), held by a sender whose claim ran out (it died
	 * mid-send), pending. Each an index scan in id order.
	 */
	private static final List<String> CLAIMABLE = List.of("status = 'FAILED' and retry",
			"status = 'SENDING' and claimed_until < now()", "status = 'PENDING'");

	/**
	 * Takes the next batch of rows to send. Rows another sender is taking at this moment
	 * are skipped, not waited for.
	 */
	private List<Claimed> claim(int year, EntryLevel level, String claim) {
		List<Claimed> claimed = new ArrayList<>();
		for (String claimable : CLAIMABLE) {
			int wanted = properties.batchSize() - claimed.size();
			if (wanted == 0) {
				break;
			}
			claimed.addAll(jdbc.sql("""
					with picked as (
					  select id from registry_handoff where year = ? and level = ? and %s
					  order by id limit ? for update skip locked)
					update registry_handoff h
					set status = 'SENDING', claim_key = ?, claimed_until = now() + make_interval(secs => ?)
					from picked where h.id = picked.id
					returning h.id, h.enrollment_key, h.version, h.district_code, h.school_code, h.method, h.name,
					  h.sex, h.birth_date, h.child_id_sealed, h.education_id
					""".formatted(claimable))
				.params(year, level.name(), wanted, claim, properties.claimFor().toSeconds())
				.query((rs, n) -> {
					byte[] seal = rs.getBytes(10);
					return new Claimed(rs.getLong(1),
							new EnrollmentRegistry.Outgoing(rs.getString(2), rs.getInt(3), rs.getString(4).strip(),
									rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
									rs.getObject(9, java.time.LocalDate.class),
									(seal != null) ? sealed.open(seal) : null, rs.getString(11)));
				})
				.list());
		}
		claimed.sort(Comparator.comparingLong(Claimed::id));
		return claimed;
	}

	/**
	 * The batch with its idempotency key, derived from what it carries (year, level, each
	 * key and version): the same rows in the same versions, sent again after a failure or
	 * by another node after their sender died, carry the same key.
	 */
	private static EnrollmentRegistry.Batch batch(int year, EntryLevel level, List<Claimed> claimed) {
		StringBuilder content = new StringBuilder().append(year).append('|').append(level);
		claimed.stream()
			.map(Claimed::record)
			.sorted(Comparator.comparing(EnrollmentRegistry.Outgoing::key))
			.forEach(r -> content.append('|').append(r.key()).append(':').append(r.version()));
		try {
			String key = HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(content.toString().getBytes(StandardCharsets.UTF_8)));
			return new EnrollmentRegistry.Batch(key, year, level, claimed.stream().map(Claimed::record).toList());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Tallies of one send. */
	private static final class Tally {

		int batches;

		int acknowledged;

		int awaiting;

		int failed;

	}

	/**
	 * The registry's answer on each row of the batch, unless the row changed meanwhile (a
	 * correction: its new version is pending) or another sender took it over.
	 */
	private void complete(List<Claimed> claimed, String claim, EnrollmentRegistry.Delivery delivery, Tally tally) {
		Map<String, EnrollmentRegistry.Receipt> receipts = new HashMap<>();
		delivery.receipts().forEach(r -> receipts.put(r.key(), r));
		Timestamp now = Timestamp.from(clock.instant());
		int size = claimed.size();
		Long[] ids = new Long[size];
		Integer[] versions = new Integer[size];
		String[] statuses = new String[size];
		Boolean[] retries = new Boolean[size];
		String[] references = new String[size];
		String[] errors = new String[size];
		int i = 0;
		for (Claimed c : claimed) {
			EnrollmentRegistry.Receipt receipt = receipts.get(c.record().key());
			String status;
			boolean retry = true;
			String reference = null;
			String error = null;
			if (receipt == null) {
				status = "FAILED";
				error = "no answer for this record";
				tally.failed++;
			}
			else {
				switch (receipt.outcome()) {
					case ACKNOWLEDGED -> {
						status = "ACKNOWLEDGED";
						reference = receipt.reference();
						tally.acknowledged++;
					}
					case RECEIVED -> {
						status = "SENT";
						reference = receipt.reference();
						tally.awaiting++;
					}
					default -> {
						status = "FAILED";
						retry = false;
						error = (receipt.reason() != null) ? shorten(receipt.reason()) : "refused";
						tally.failed++;
					}
				}
			}
			ids[i] = c.id();
			versions[i] = c.record().version();
			statuses[i] = status;
			retries[i] = retry;
			references[i] = reference;
			errors[i] = error;
			i++;
		}
		jdbc.sql("""
				update registry_handoff h set status = r.status, retry = r.retry, attempts = h.attempts + ?,
				  registry_reference = coalesce(r.reference, h.registry_reference), last_error = r.error, sent_at = ?,
				  claim_key = null, claimed_until = null
				from unnest(?::bigint[], ?::int[], ?::text[], ?::boolean[], ?::text[], ?::text[])
				  as r (id, version, status, retry, reference, error)
				where h.id = r.id and h.version = r.version and h.claim_key = ? and h.status = 'SENDING'
				""")
			.params(delivery.attempts(), now, ids, versions, statuses, retries, references, errors, claim)
			.update();
	}

	/** The whole batch failed: sent again by the next send. */
	private void fail(String claim, String reason, int attempts) {
		jdbc.sql("""
				update registry_handoff set status = 'FAILED', retry = true, attempts = attempts + ?, last_error = ?,
				  sent_at = ?, claim_key = null, claimed_until = null
				where claim_key = ? and status = 'SENDING'
				""").params(attempts, shorten(reason), Timestamp.from(clock.instant()), claim).update();
	}

	private static Reconciliation.Finding finding(HandedOff ours, EnrollmentRegistry.Held there) {
		if (ours.status() != HandoffStatus.SENT && ours.status() != HandoffStatus.ACKNOWLEDGED) {
			return Reconciliation.Finding.NOT_SENT;
		}
		if (there == null) {
			return Reconciliation.Finding.MISSING;
		}
		return (there.version() == ours.version()) ? Reconciliation.Finding.PRESENT : Reconciliation.Finding.OUTDATED;
	}

	private static HandedOff handedOff(ResultSet rs, int row) throws SQLException {
		return new HandedOff(rs.getInt("year"), EntryLevel.valueOf(rs.getString("level")),
				rs.getString("enrollment_key"), rs.getString("district_code").strip(), rs.getString("school_code"),
				rs.getString("method"), rs.getInt("version"), HandoffStatus.valueOf(rs.getString("status")),
				rs.getInt("attempts"), rs.getString("registry_reference"), rs.getString("last_error"));
	}

	private static String shorten(String text) {
		return (text.length() > 500) ? text.substring(0, 500) : text;
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array == null) ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
