package org.ruxue.app.registry;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.population.SealedIdNumbers;
import org.ruxue.app.spreadsheet.SpreadsheetReader;
import org.ruxue.app.spreadsheet.UnreadableSpreadsheet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of the graduates the electronic student registry hands over (R-J1), from an
 * uploaded export or its JSON service. An import is read, checked row by row and staged
 * (by COPY) into a preview with its row report; nothing reaches the students until the
 * city administrator confirms. Then every valid row is written in one transaction by
 * set-based SQL, or none: a row keyed by its education ID adds a student, changes one
 * (version + 1, a step on its path, an audit entry naming the changed fields), or leaves
 * it as it is, so the same export twice changes nothing. Each graduate's family account
 * is provisioned in the same transaction, in bulk, with one audit entry for the run.
 */
@Service
class GraduateImports {

	private static final Logger log = LoggerFactory.getLogger(GraduateImports.class);

	private static final String JOB = "select * from registry_import";

	/** Key of the advisory lock that lets one import write at a time, cluster-wide. */
	private static final long WRITE_LOCK = 0x7275787565524749L;

	/** Rows per COPY and per set-based statement, so progress moves while writing. */
	private static final int CHUNK = 25_000;

	/**
	 * The student has moved district on the platform (R-J4): the registry's district no
	 * longer counts.
	 */
	private static final String MOVED = """
			exists (select 1 from student_path_step p where p.education_id = s.education_id
			        and p.step = 'registry.moved-district')""";

	/** The fields of a staged row r that differ from its student s, by column key. */
	private static final String CHANGED_FIELDS = """
			array_remove(array[
			  case when s.child_id_hash is distinct from r.child_id_hash then 'id_number' end,
			  case when s.name is distinct from r.name then 'name' end,
			  case when s.sex is distinct from r.sex then 'sex' end,
			  case when s.birth_date is distinct from r.birth_date then 'birth_date' end,
			  case when s.school_code is distinct from r.school_code then 'school_code' end,
			  case when s.class_name is distinct from r.class_name then 'class_name' end,
			  case when s.district_code::text is distinct from r.district_code and not %s then 'district_code' end,
			  case when s.hukou_district_code::text is distinct from r.hukou_district_code
			       then 'hukou_district_code' end,
			  case when s.guardian_name is distinct from r.guardian_name then 'guardian_name' end,
			  case when s.mobile is distinct from r.mobile then 'guardian_mobile' end], null)
			""".formatted(MOVED);

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final DataSource dataSource;

	private final GraduateColumns columns;

	private final GraduateCheck check;

	private final SealedIdNumbers sealed;

	private final FamilyAccounts families;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final TransactionTemplate progressTransaction;

	private final RegistryProperties properties;

	/**
	 * Counters the pages poll are written at most this often per job and counter: a
	 * commit per thousand rows would cost the import more than it shows.
	 */
	private static final java.time.Duration PROGRESS_EVERY = java.time.Duration.ofMillis(300);

	private final Map<String, Long> lastProgress = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * One import at a time per node: the others wait their turn, shown as 0 rows read.
	 */
	private final ExecutorService workers = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("registry-import").daemon(true).factory());

	GraduateImports(JdbcClient jdbc, JdbcTemplate batch, DataSource dataSource, GraduateColumns columns,
			GraduateCheck check, SealedIdNumbers sealed, FamilyAccounts families, ApplicationEventPublisher events,
			Clock clock, PlatformTransactionManager transactions, RegistryProperties properties) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.dataSource = dataSource;
		this.columns = columns;
		this.check = check;
		this.sealed = sealed;
		this.families = families;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.progressTransaction = new TransactionTemplate(transactions);
		this.progressTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.properties = properties;
	}

	RegistryProperties properties() {
		return properties;
	}

	/**
	 * Takes an uploaded export and starts reading it in the background.
	 * @throws AccessDeniedException when who is not the city administrator
	 * @throws ImportRefused when the file is empty or too large
	 */
	UUID start(SignedIn who, String fileName, byte[] content, int entryYear) {
		requireCity(who);
		if (content.length == 0) {
			throw new ImportRefused("registry.import.refused.empty");
		}
		if (content.length > properties.maxBytes()) {
			throw new ImportRefused("registry.import.refused.size", properties.maxBytes() / (1024 * 1024));
		}
		UUID id = created(ImportJob.Source.FILE, fileName, sha256(content), entryYear, who.username());
		workers.execute(() -> read(id, entryYear, () -> fileRows(id, content)));
		return id;
	}

	/**
	 * Starts fetching the year's graduates from the registry's JSON service in the
	 * background.
	 * @throws ImportRefused when no service is configured
	 */
	UUID fetch(SignedIn who, int entryYear) {
		requireCity(who);
		if (!properties.http().configured()) {
			throw new ImportRefused("registry.import.refused.no-service");
		}
		String name = properties.http().baseUrl().getHost() + " " + entryYear;
		UUID id = created(ImportJob.Source.HTTP, name, sha256(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
				entryYear, who.username());
		workers.execute(() -> read(id, entryYear, () -> {
			try (HttpStudentRegistry registry = new HttpStudentRegistry(properties.http())) {
				return registry.graduates(entryYear, properties.maxRows(), n -> progress(id, "rows_read", n));
			}
		}));
		return id;
	}

	/**
	 * Reads and writes an export in the caller's thread, without a preview: for the demo
	 * data at start-up and for benchmarks.
	 * @return the import, WRITTEN unless something was refused or failed
	 */
	ImportJob importNow(ImportJob.Source source, String fileName, byte[] content, int entryYear, Actor by) {
		UUID id = created(source, fileName, sha256(content), entryYear, by.name());
		read(id, entryYear, () -> fileRows(id, content));
		ImportJob job = find(id);
		if (job.status() == ImportJob.Status.READY && job.added() + job.changed() > 0) {
			write(job, by, true);
		}
		else if (job.status() == ImportJob.Status.READY) {
			jdbc.sql("delete from registry_import_row where import_id = ?").param(id).update();
			jdbc.sql("update registry_import set status = 'WRITTEN', finished_at = ? where id = ?")
				.params(Timestamp.from(clock.instant()), id)
				.update();
		}
		return find(id);
	}

	ImportJob job(UUID id, SignedIn who) {
		requireCity(who);
		return find(id);
	}

	List<ImportJob> recent(SignedIn who) {
		requireCity(who);
		return jdbc.sql(JOB + " order by created_at desc limit 10").query(GraduateImports::job).list();
	}

	/** The row report, by row number, at most limit problems. */
	List<ImportProblem> problems(UUID id, int limit) {
		return jdbc.sql("""
				select row_number, column_key, message_key, args from registry_import_error
				where import_id = ? order by row_number, position limit ?
				""")
			.params(id, limit)
			.query((rs, n) -> new ImportProblem(rs.getInt(1), rs.getString(2), rs.getString(3),
					strings(rs.getArray(4))))
			.list();
	}

	/**
	 * A staged row as the preview shows it: the ID number masked; for a change, the
	 * fields that differ.
	 */
	record PreviewRow(int row, String educationId, String name, String maskedIdNumber, String schoolCode,
			String districtCode, List<String> changedFields) {

	}

	List<PreviewRow> preview(UUID id, String action, int limit) {
		return jdbc.sql("""
				select r.row_number, r.education_id, r.name, r.masked_id_number, r.school_code, r.district_code,
				  case when s.education_id is null then '{}'::text[] else %s end as fields
				from registry_import_row r left join student s on s.education_id = r.education_id
				where r.import_id = ? and r.action = ? order by r.row_number limit ?
				""".formatted(CHANGED_FIELDS))
			.params(id, action, limit)
			.query((rs, n) -> new PreviewRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), strings(rs.getArray(7))))
			.list();
	}

	/**
	 * Starts writing a previewed import.
	 * @return false when it is not ready to be written (already confirmed, cancelled,
	 * nothing to add or change)
	 */
	boolean confirm(UUID id, SignedIn who) {
		ImportJob job = job(id, who);
		if (!job.confirmable()) {
			return false;
		}
		int updated = jdbc.sql("""
				update registry_import set status = 'WRITING', rows_written = 0, progress_at = ?
				where id = ? and status = 'READY'
				""").params(Timestamp.from(clock.instant()), id).update();
		if (updated == 0) {
			return false;
		}
		Actor by = Actor.of(who.username(), who.role().name());
		workers.execute(() -> write(job, by, false));
		return true;
	}

	/** Nothing is written; the staged rows are dropped. */
	boolean cancel(UUID id, SignedIn who) {
		job(id, who);
		int updated = jdbc.sql("""
				update registry_import set status = 'CANCELLED', finished_at = ?
				where id = ? and status in ('READY', 'REFUSED')
				""").params(Timestamp.from(clock.instant()), id).update();
		if (updated > 0) {
			// never under an import being written: its statements read the staged rows
			jdbc.sql("delete from registry_import_row where import_id = ?").param(id).update();
		}
		return updated > 0;
	}

	private UUID created(ImportJob.Source source, String fileName, String sha256, int entryYear, String by) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into registry_import (id, source, file_name, file_sha256, entry_year, status, created_by,
				  created_at, progress_at)
				values (?, ?, ?, ?, ?, 'READING', ?, ?, ?)
				""")
			.params(id, source.name(), shorten(fileName), sha256, entryYear, by, Timestamp.from(now),
					Timestamp.from(now))
			.update();
		return id;
	}

	private ImportJob find(UUID id) {
		return jdbc.sql(JOB + " where id = ?")
			.param(id)
			.query(GraduateImports::job)
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No import " + id));
	}

	private List<SpreadsheetReader.Row> fileRows(UUID id, byte[] content) {
		try {
			return SpreadsheetReader.read(content, properties.maxRows(), n -> progress(id, "rows_read", n));
		}
		catch (UnreadableSpreadsheet ex) {
			throw new ImportRefused("registry.import.refused." + ex.reason(), ex.args().toArray());
		}
	}

	private void read(UUID id, int entryYear, java.util.function.Supplier<List<SpreadsheetReader.Row>> source) {
		try {
			long began = System.nanoTime();
			List<SpreadsheetReader.Row> rows = source.get();
			long read = System.nanoTime();
			Map<String, Integer> found = columns.find(rows.getFirst().cells());
			List<SpreadsheetReader.Row> data = rows.subList(1, rows.size());
			if (data.isEmpty()) {
				throw new ImportRefused("registry.import.refused.no-rows");
			}
			progressNow(id, "rows_read", data.size());
			GraduateCheck.Outcome outcome = check.check(found, data, n -> progress(id, "rows_checked", n));
			long checked = System.nanoTime();
			transaction.executeWithoutResult(tx -> stage(id, entryYear, data.size(), outcome));
			log.info("Registry import {}: {} rows read in {} ms, checked in {} ms, staged and planned in {} ms", id,
					data.size(), (read - began) / 1_000_000, (checked - read) / 1_000_000,
					(System.nanoTime() - checked) / 1_000_000);
		}
		catch (ImportRefused refused) {
			jdbc.sql("""
					update registry_import set status = 'REFUSED', problem_key = ?, problem_args = ?, finished_at = ?
					where id = ?
					""")
				.params(refused.messageKey(), refused.args().toArray(String[]::new), Timestamp.from(clock.instant()),
						id)
				.update();
		}
		catch (RuntimeException ex) {
			log.error("Registry import {} could not be read", id, ex);
			failed(id, "registry.import.refused.unreadable");
		}
		finally {
			forget(id);
		}
	}

	private void stage(UUID id, int entryYear, int rowsRead, GraduateCheck.Outcome outcome) {
		List<CheckedGraduate> valid = outcome.valid();
		long began = System.nanoTime();
		for (int from = 0; from < valid.size(); from += CHUNK) {
			copy(id, valid.subList(from, Math.min(valid.size(), from + CHUNK)));
		}
		log.info("Registry import {}: {} rows sealed and copied in {} ms", id, valid.size(),
				(System.nanoTime() - began) / 1_000_000);
		jdbc.sql("analyze registry_import_row").update();
		List<ImportProblem> problems = new ArrayList<>(outcome.problems());
		problems.addAll(conflicts(id, entryYear));
		problems.sort(java.util.Comparator.comparingInt(ImportProblem::row));
		int[] position = { 0 };
		int[] previousRow = { -1 };
		batch.batchUpdate("""
				insert into registry_import_error (import_id, row_number, position, column_key, message_key, args)
				values (?, ?, ?, ?, ?, ?)
				""", problems, 1000, (ps, p) -> {
			position[0] = (p.row() == previousRow[0]) ? position[0] + 1 : 0;
			previousRow[0] = p.row();
			ps.setObject(1, id);
			ps.setInt(2, p.row());
			ps.setInt(3, position[0]);
			ps.setString(4, p.column());
			ps.setString(5, p.messageKey());
			ps.setArray(6, ps.getConnection().createArrayOf("text", p.args().toArray()));
		});
		classify(id);
		Counts counts = counts(id);
		int withErrors = (int) problems.stream().mapToInt(ImportProblem::row).distinct().count();
		jdbc.sql("""
				update registry_import set status = 'READY', rows_read = ?, rows_checked = ?, rows_to_write = ?,
				       added = ?, changed = ?, unchanged = ?, rows_with_errors = ?, progress_at = ?
				where id = ? and status = 'READING'
				""")
			.params(rowsRead, rowsRead, counts.added() + counts.changed(), counts.added(), counts.changed(),
					counts.unchanged(), withErrors, Timestamp.from(clock.instant()), id)
			.update();
	}

	/** Staged rows by COPY, the ID numbers sealed in parallel (the costly part). */
	private void copy(UUID id, List<CheckedGraduate> rows) {
		byte[][] seals = new byte[rows.size()][];
		byte[][] hashes = new byte[rows.size()][];
		IntStream.range(0, rows.size()).parallel().forEach(i -> {
			seals[i] = sealed.seal(rows.get(i).idNumber());
			hashes[i] = sealed.lookupHash(rows.get(i).idNumber());
		});
		StringBuilder csv = new StringBuilder(rows.size() * 260);
		HexFormat hex = HexFormat.of();
		for (int i = 0; i < rows.size(); i++) {
			CheckedGraduate g = rows.get(i);
			csv.append(id).append(',').append(g.row()).append(",ADD,");
			field(csv, g.educationId()).append(",\"\\x").append(hex.formatHex(seals[i])).append("\",\"\\x");
			csv.append(hex.formatHex(hashes[i])).append("\",");
			field(csv, g.idNumber().masked()).append(',');
			field(csv, g.name()).append(',');
			field(csv, g.sex()).append(',');
			field(csv, g.birthDate().toString()).append(',');
			field(csv, g.schoolCode()).append(',');
			field(csv, g.className()).append(',');
			field(csv, g.districtCode()).append(',');
			field(csv, g.hukouDistrictCode()).append(',');
			field(csv, g.guardianName()).append(',');
			field(csv, g.mobile().value()).append('\n');
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
					copy registry_import_row (import_id, row_number, action, education_id, child_id_sealed,
					  child_id_hash, masked_id_number, name, sex, birth_date, school_code, class_name, district_code,
					  hukou_district_code, guardian_name, mobile) from stdin (format csv)
					""", new StringReader(csv.toString()));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY into registry_import_row failed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** A quoted CSV field, or nothing for null (which COPY reads as NULL). */
	private static StringBuilder field(StringBuilder csv, String value) {
		if (value == null) {
			return csv;
		}
		return csv.append('"').append(value.replace("\"", "\"\"")).append('"');
	}

	/**
	 * Rows that cannot be written although each is valid on its own: the child is a
	 * student of this year under another education ID, or the education ID is a student
	 * of another year. They become errors of the report.
	 */
	private List<ImportProblem> conflicts(UUID id, int entryYear) {
		List<ImportProblem> problems = new ArrayList<>();
		problems.addAll(jdbc.sql("""
				select r.row_number, s.education_id from registry_import_row r
				join student s on s.child_id_hash = r.child_id_hash and s.entry_year = ?
				                and s.education_id <> r.education_id
				where r.import_id = ? and r.action <> 'ERROR'
				""")
			.params(entryYear, id)
			.query((rs, n) -> ImportProblem.of(rs.getInt(1), "id_number", "registry.import.error.child-known",
					rs.getString(2)))
			.list());
		problems.addAll(jdbc.sql("""
				select r.row_number, s.entry_year from registry_import_row r
				join student s on s.education_id = r.education_id and s.entry_year <> ?
				where r.import_id = ? and r.action <> 'ERROR'
				""")
			.params(entryYear, id)
			.query((rs, n) -> ImportProblem.of(rs.getInt(1), "education_id", "registry.import.error.other-year",
					rs.getInt(2)))
			.list());
		problems.sort(java.util.Comparator.comparingInt(ImportProblem::row));
		if (!problems.isEmpty()) {
			jdbc.sql("update registry_import_row set action = 'ERROR' where import_id = ? and row_number = any(?)")
				.params(id, problems.stream().map(ImportProblem::row).distinct().toArray(Integer[]::new))
				.update();
		}
		return problems;
	}

	/** ADD, or CHANGE and UNCHANGED against the student with the education ID. */
	private void classify(UUID id) {
		jdbc.sql("update registry_import_row set action = 'ADD' where import_id = ? and action <> 'ERROR'")
			.param(id)
			.update();
		jdbc.sql("""
				update registry_import_row r
				set action = case when cardinality(%s) > 0 then 'CHANGE' else 'UNCHANGED' end
				from student s where r.import_id = ? and r.action = 'ADD' and s.education_id = r.education_id
				""".formatted(CHANGED_FIELDS)).param(id).update();
	}

	private record Counts(int added, int changed, int unchanged) {

	}

	private Counts counts(UUID id) {
		return jdbc.sql("""
				select count(*) filter (where action = 'ADD'), count(*) filter (where action = 'CHANGE'),
				       count(*) filter (where action = 'UNCHANGED')
				from registry_import_row where import_id = ?
				""").param(id).query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
	}

	/**
	 * Plans the staged rows again against what is stored now and writes them, all in one
	 * transaction: nothing is half-written.
	 */
	private void write(ImportJob job, Actor by, boolean now) {
		try {
			Written written = transaction.execute(tx -> {
				jdbc.sql("select pg_advisory_xact_lock(?)").param(WRITE_LOCK).query().singleRow();
				if (!conflicts(job.id(), job.entryYear()).isEmpty()) {
					throw new ImportRefused("registry.import.refused.changed");
				}
				classify(job.id());
				Counts counts = counts(job.id());
				int writes = counts.added() + counts.changed();
				if (!now) {
					progressTransaction.executeWithoutResult(
							t -> jdbc.sql("update registry_import set rows_to_write = ?, progress_at = ? where id = ?")
								.params(writes, Timestamp.from(clock.instant()), job.id())
								.update());
				}
				IntConsumer progress = now ? n -> {
				} : n -> progress(job.id(), "rows_written", n);
				long began = System.nanoTime();
				changeStudents(job, by);
				progress.accept(counts.changed());
				long changedAt = System.nanoTime();
				addStudents(job, by, counts.changed(), progress);
				long addedAt = System.nanoTime();
				FamilyAccounts.Provisioned accounts = families.provisionAll(provisions(job.id()), job.id().toString(),
						by);
				log.info("Registry import {}: {} changed in {} ms, {} added in {} ms, family accounts in {} ms",
						job.id(), counts.changed(), (changedAt - began) / 1_000_000, counts.added(),
						(addedAt - changedAt) / 1_000_000, (System.nanoTime() - addedAt) / 1_000_000);
				events.publishEvent(new GraduatesImported(job.id(), job.entryYear(), job.source().name(),
						job.fileName(), sha(job.id()), counts.added(), counts.changed(), counts.unchanged(),
						job.rowsWithErrors(), accounts.created(), by));
				jdbc.sql("delete from registry_import_row where import_id = ?").param(job.id()).update();
				return new Written(counts, writes, accounts.created());
			});
			jdbc.sql("""
					update registry_import set status = 'WRITTEN', rows_to_write = ?, rows_written = ?, added = ?,
					       changed = ?, unchanged = ?, accounts_provisioned = ?, progress_at = ?, finished_at = ?
					where id = ?
					""")
				.params(written.writes(), written.writes(), written.counts().added(), written.counts().changed(),
						written.counts().unchanged(), written.accounts(), Timestamp.from(clock.instant()),
						Timestamp.from(clock.instant()), job.id())
				.update();
		}
		catch (ImportRefused refused) {
			failed(job.id(), refused.messageKey());
		}
		catch (RuntimeException ex) {
			log.error("Registry import {} could not be written; nothing of it was", job.id(), ex);
			failed(job.id(), "registry.import.refused.write-failed");
		}
		finally {
			forget(job.id());
		}
	}

	private record Written(Counts counts, int writes, int accounts) {

	}

	/**
	 * Each changed student: the new data, version + 1, a step on the path and an audit
	 * entry naming the changed fields (no personal data).
	 */
	private void changeStudents(ImportJob job, Actor by) {
		List<StudentUpdatedFromRegistry> changes = jdbc.sql("""
				select s.education_id, s.version, s.school_code as old_school, r.school_code as new_school,
				  s.district_code as old_district, case when %s then s.district_code else r.district_code end
				    as new_district, %s as fields
				from registry_import_row r join student s on s.education_id = r.education_id
				where r.import_id = ? and r.action = 'CHANGE'
				""".formatted(MOVED, CHANGED_FIELDS))
			.param(job.id())
			.query((rs, n) -> new StudentUpdatedFromRegistry(rs.getString(1), rs.getInt(2), rs.getString(3),
					rs.getString(4), rs.getString(5).strip(), rs.getString(6).strip(), strings(rs.getArray(7)),
					job.id().toString(), by))
			.list();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				update student s set child_id_sealed = r.child_id_sealed, child_id_hash = r.child_id_hash,
				  name = r.name, sex = r.sex, birth_date = r.birth_date, school_code = r.school_code,
				  class_name = r.class_name,
				  district_code = case when %s then s.district_code else r.district_code end,
				  hukou_district_code = r.hukou_district_code, guardian_name = r.guardian_name, mobile = r.mobile,
				  version = s.version + 1, updated_at = ?
				from registry_import_row r
				where r.import_id = ? and r.action = 'CHANGE' and s.education_id = r.education_id
				""".formatted(MOVED)).params(now, job.id()).update();
		jdbc.sql("""
				insert into student_path_step (education_id, occurred_at, step, detail, actor, actor_role)
				select education_id, ?, 'registry.updated', null, ?, ? from registry_import_row
				where import_id = ? and action = 'CHANGE'
				""").params(now, by.name(), by.role(), job.id()).update();
		changes.forEach(events::publishEvent);
	}

	/** The new students, chunk by chunk, each with the first step of its path. */
	private void addStudents(ImportJob job, Actor by, int alreadyWritten, IntConsumer progress) {
		Timestamp now = Timestamp.from(clock.instant());
		int last = jdbc.sql("select coalesce(max(row_number), 0) from registry_import_row where import_id = ?")
			.param(job.id())
			.query(Integer.class)
			.single();
		int written = alreadyWritten;
		for (int from = 0; from <= last; from += CHUNK) {
			int to = from + CHUNK - 1;
			written += jdbc.sql("""
					insert into student (education_id, child_id_sealed, child_id_hash, name, sex, birth_date,
					  entry_year, school_code, class_name, district_code, hukou_district_code, guardian_name, mobile,
					  origin, updated_at)
					select education_id, child_id_sealed, child_id_hash, name, sex, birth_date, ?, school_code,
					  class_name, district_code, hukou_district_code, guardian_name, mobile, 'REGISTRY', ?
					from registry_import_row
					where import_id = ? and action = 'ADD' and row_number between ? and ?
					""").params(job.entryYear(), now, job.id(), from, to).update();
			jdbc.sql("""
					insert into student_path_step (education_id, occurred_at, step, detail, actor, actor_role)
					select education_id, ?, 'registry.registered.registry', null, ?, ? from registry_import_row
					where import_id = ? and action = 'ADD' and row_number between ? and ?
					""").params(now, by.name(), by.role(), job.id(), from, to).update();
			progress.accept(written);
		}
	}

	/** Every valid graduate of the import: its family account, new or kept. */
	private List<FamilyAccounts.Provision> provisions(UUID id) {
		return jdbc.sql("""
				select education_id, child_id_sealed, child_id_hash, name, mobile, district_code
				from registry_import_row where import_id = ? and action <> 'ERROR'
				""")
			.param(id)
			.query((rs, n) -> new FamilyAccounts.Provision(rs.getString(1), rs.getBytes(2), rs.getBytes(3),
					rs.getString(4), new MobileNumber(rs.getString(5)), rs.getString(6)))
			.list();
	}

	private void progress(UUID id, String counter, int value) {
		long now = System.nanoTime();
		Long last = lastProgress.put(id + counter, now);
		if (last != null && now - last < PROGRESS_EVERY.toNanos()) {
			lastProgress.put(id + counter, last);
			return;
		}
		progressNow(id, counter, value);
	}

	private void progressNow(UUID id, String counter, int value) {
		progressTransaction.executeWithoutResult(
				tx -> jdbc.sql("update registry_import set " + counter + " = ?, progress_at = ? where id = ?")
					.params(value, Timestamp.from(clock.instant()), id)
					.update());
	}

	private void forget(UUID id) {
		lastProgress.keySet().removeIf(key -> key.startsWith(id.toString()));
	}

	private void failed(UUID id, String messageKey) {
		jdbc.sql("update registry_import set status = 'FAILED', problem_key = ?, finished_at = ? where id = ?")
			.params(messageKey, Timestamp.from(clock.instant()), id)
			.update();
		jdbc.sql("delete from registry_import_row where import_id = ?").param(id).update();
	}

	private String sha(UUID id) {
		return jdbc.sql("select file_sha256 from registry_import where id = ?").param(id).query(String.class).single();
	}

	/** The graduates are the city's to import (R-J1); districts read their students. */
	private static void requireCity(SignedIn who) {
		if (who == null || who.role() != Role.CITY_ADMIN) {
			throw new AccessDeniedException("Only the city administrator imports graduates");
		}
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		workers.shutdownNow();
	}

	private static String shorten(String fileName) {
		String name = (fileName == null || fileName.isBlank()) ? "upload" : fileName.strip();
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		return (name.length() > 200) ? name.substring(0, 200) : name;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array == null) ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static ImportJob job(ResultSet rs, int row) throws SQLException {
		return new ImportJob(rs.getObject("id", UUID.class), ImportJob.Source.valueOf(rs.getString("source")),
				rs.getString("file_name"), rs.getInt("entry_year"), ImportJob.Status.valueOf(rs.getString("status")),
				rs.getString("problem_key"), strings(rs.getArray("problem_args")), rs.getInt("rows_read"),
				rs.getInt("rows_checked"), rs.getInt("rows_to_write"), rs.getInt("rows_written"), rs.getInt("added"),
				rs.getInt("changed"), rs.getInt("unchanged"), rs.getInt("rows_with_errors"),
				rs.getInt("accounts_provisioned"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("progress_at").toInstant(),
				(rs.getTimestamp("finished_at") != null) ? rs.getTimestamp("finished_at").toInstant() : null);
	}

}
