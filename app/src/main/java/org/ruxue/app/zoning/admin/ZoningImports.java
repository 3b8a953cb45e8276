package org.ruxue.app.zoning.admin;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
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
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.identity.AccessPolicy;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.spreadsheet.SpreadsheetReader;
import org.ruxue.app.spreadsheet.UnreadableSpreadsheet;
import org.ruxue.app.zoning.AddressMapping;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.Schools;
import org.ruxue.app.zoning.ServiceZones;
import org.ruxue.app.zoning.ZoneDefinition;
import org.ruxue.app.zoning.ZoningProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of schools and address mappings, staged (issue 5): the upload is read and
 * planned in the background, row by row against what is stored, into a preview; nothing
 * is written until the officer confirms, and then every row is written in one
 * transaction, or none when anything changed since the preview. The counters in
 * {@code zoning_import} are the progress the pages poll. An officer works on their own
 * district only ({@link AccessPolicy}).
 */
@Service
class ZoningImports {

	private static final Logger log = LoggerFactory.getLogger(ZoningImports.class);

	private static final String JOB = "select * from zoning_import";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final ImportPlanner planner;

	private final Schools schools;

	private final ServiceZones zones;

	private final AccessPolicy policy;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final TransactionTemplate progressTransaction;

	private final int maxBytes;

	private final int maxRows;

	/**
	 * Two imports at a time per node: the others wait their turn, shown as 0 rows read.
	 */
	private final ExecutorService workers = Executors.newFixedThreadPool(2,
			Thread.ofPlatform().name("zoning-import-", 1).daemon(true).factory());

	ZoningImports(JdbcClient jdbc, JdbcTemplate batch, ImportPlanner planner, Schools schools, ServiceZones zones,
			AccessPolicy policy, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions,
			@Value("${ruxue.zoning.import.max-bytes:10485760}") int maxBytes,
			@Value("${ruxue.zoning.import.max-rows:50000}") int maxRows) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.planner = planner;
		this.schools = schools;
		this.zones = zones;
		this.policy = policy;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.progressTransaction = new TransactionTemplate(transactions);
		this.progressTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.maxBytes = maxBytes;
		this.maxRows = maxRows;
	}

	int maxBytes() {
		return maxBytes;
	}

	int maxRows() {
		return maxRows;
	}

	/**
	 * Takes the file and starts reading it in the background.
	 * @throws AccessDeniedException when the district is not the officer's
	 * @throws ImportRefused when the file is empty or too large
	 */
	UUID start(SignedIn who, String districtCode, ImportKind kind, String fileName, byte[] content) {
		requireDistrict(who, districtCode);
		if (content.length == 0) {
			throw new ImportRefused("zoning.import.refused.empty");
		}
		if (content.length > maxBytes) {
			throw new ImportRefused("zoning.import.refused.size", maxBytes / (1024 * 1024));
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into zoning_import (id, district_code, kind, file_name, file_sha256, status, created_by,
				                           created_at, progress_at)
				values (?, ?, ?, ?, ?, 'READING', ?, ?, ?)
				""")
			.params(id, districtCode, kind.name(), shorten(fileName), sha256(content), who.username(),
					Timestamp.from(now), Timestamp.from(now))
			.update();
		workers.execute(() -> read(id, districtCode, kind, content));
		return id;
	}

	ImportJob job(UUID id, SignedIn who) {
		ImportJob job = jdbc.sql(JOB + " where id = ?")
			.param(id)
			.query(ZoningImports::job)
			.optional()
			.orElseThrow(() -> new java.util.NoSuchElementException("No import " + id));
		requireDistrict(who, job.districtCode());
		return job;
	}

	List<ImportJob> recent(SignedIn who, String districtCode) {
		requireDistrict(who, districtCode);
		return jdbc.sql(JOB + " where district_code = ? order by created_at desc limit 10")
			.param(districtCode)
			.query(ZoningImports::job)
			.list();
	}

	/** The job's rows with the action, errors first, at most limit. */
	List<PlannedRow> rows(ImportJob job, PlannedRow.Action action, int limit) {
		Map<Integer, List<ZoningProblem>> problems = new java.util.HashMap<>();
		if (action == PlannedRow.Action.ERROR) {
			jdbc.sql("""
					select row_number, column_key, message_key, args from zoning_import_error
					where import_id = ? and row_number in (select row_number from zoning_import_row
					                                       where import_id = ? and action = 'ERROR'
					                                       order by row_number limit ?)
					order by row_number, position
					""").params(job.id(), job.id(), limit).query((rs, n) -> {
				problems.computeIfAbsent(rs.getInt(1), r -> new ArrayList<>())
					.add(new ZoningProblem(rs.getString(2), rs.getString(3), strings(rs.getArray(4))));
				return null;
			}).list();
		}
		return jdbc.sql("""
				select row_number, cells, action, difference from zoning_import_row
				where import_id = ? and action = ? order by row_number limit ?
				""")
			.params(job.id(), action.name(), limit)
			.query((rs, n) -> new PlannedRow(rs.getInt(1), strings(rs.getArray(2)),
					PlannedRow.Action.valueOf(rs.getString(3)), rs.getString(4),
					problems.getOrDefault(rs.getInt(1), List.of()), null))
			.list();
	}

	/**
	 * Starts writing a previewed import that has no errors.
	 * @return false when the import is not ready to be written (already confirmed,
	 * cancelled, with errors, or nothing to change)
	 */
	boolean confirm(UUID id, SignedIn who) {
		ImportJob job = job(id, who);
		if (!job.confirmable()) {
			return false;
		}
		int updated = jdbc.sql("""
				update zoning_import set status = 'WRITING', rows_written = 0, progress_at = ?
				where id = ? and status = 'READY' and rows_with_errors = 0
				""").params(Timestamp.from(clock.instant()), id).update();
		if (updated == 0) {
			return false;
		}
		Actor by = Actor.of(who.username(), who.role().name());
		workers.execute(() -> write(job, by));
		return true;
	}

	/** Nothing is written; the staged rows are dropped. */
	boolean cancel(UUID id, SignedIn who) {
		job(id, who);
		int updated = jdbc.sql("""
				update zoning_import set status = 'CANCELLED', finished_at = ?
				where id = ? and status in ('READY', 'REFUSED')
				""").params(Timestamp.from(clock.instant()), id).update();
		jdbc.sql("delete from zoning_import_row where import_id = ?").param(id).update();
		return updated > 0;
	}

	private List<SpreadsheetReader.Row> readRows(UUID id, byte[] content) {
		try {
			return SpreadsheetReader.read(content, maxRows, n -> progress(id, "rows_read", n));
		}
		catch (UnreadableSpreadsheet ex) {
			throw new ImportRefused("zoning.import.refused." + ex.reason(), ex.args().toArray());
		}
	}

	private void read(UUID id, String district, ImportKind kind, byte[] content) {
		try {
			List<SpreadsheetReader.Row> rows = readRows(id, content);
			Map<String, Integer> columns = planner.columns(kind, rows.getFirst().cells());
			List<SpreadsheetReader.Row> data = rows.subList(1, rows.size());
			if (data.isEmpty()) {
				throw new ImportRefused("zoning.import.refused.no-rows");
			}
			List<PlannedRow> planned = planner.plan(kind, district, columns, data,
					n -> progress(id, "rows_checked", n));
			stage(id, rows.getFirst().cells(), planned);
		}
		catch (ImportRefused refused) {
			jdbc.sql("""
					update zoning_import set status = 'REFUSED', problem_key = ?, problem_args = ?, finished_at = ?
					where id = ?
					""")
				.params(refused.messageKey(), refused.args().toArray(String[]::new), Timestamp.from(clock.instant()),
						id)
				.update();
		}
		catch (RuntimeException ex) {
			log.error("Import {} could not be read", id, ex);
			failed(id, "zoning.import.refused.unreadable");
		}
	}

	private void stage(UUID id, List<String> header, List<PlannedRow> planned) {
		batch.batchUpdate("""
				insert into zoning_import_row (import_id, row_number, cells, action, difference) values (?, ?, ?, ?, ?)
				""", planned, 500, (ps, row) -> {
			ps.setObject(1, id);
			ps.setInt(2, row.number());
			ps.setArray(3, ps.getConnection().createArrayOf("text", row.cells().toArray()));
			ps.setString(4, row.action().name());
			ps.setString(5, row.difference());
		});
		List<Object[]> problems = new ArrayList<>();
		for (PlannedRow row : planned) {
			for (int i = 0; i < row.problems().size(); i++) {
				ZoningProblem problem = row.problems().get(i);
				problems.add(new Object[] { row.number(), i, problem.field(), problem.messageKey(),
						problem.args().toArray(String[]::new) });
			}
		}
		batch.batchUpdate("""
				insert into zoning_import_error (import_id, row_number, position, column_key, message_key, args)
				values (?, ?, ?, ?, ?, ?)
				""", problems, 500, (ps, p) -> {
			ps.setObject(1, id);
			ps.setInt(2, (Integer) p[0]);
			ps.setInt(3, (Integer) p[1]);
			ps.setString(4, (String) p[2]);
			ps.setString(5, (String) p[3]);
			ps.setArray(6, ps.getConnection().createArrayOf("text", (Object[]) p[4]));
		});
		jdbc.sql("""
				update zoning_import set status = 'READY', header = ?, rows_checked = ?, rows_to_write = ?, added = ?,
				       changed = ?, unchanged = ?, rows_with_errors = ?, progress_at = ?, finished_at = null
				where id = ? and status = 'READING'
				""")
			.params(header.toArray(String[]::new), planned.size(),
					count(planned, PlannedRow.Action.ADD) + count(planned, PlannedRow.Action.CHANGE),
					count(planned, PlannedRow.Action.ADD), count(planned, PlannedRow.Action.CHANGE),
					count(planned, PlannedRow.Action.UNCHANGED), count(planned, PlannedRow.Action.ERROR),
					Timestamp.from(clock.instant()), id)
			.update();
	}

	/**
	 * Plans the staged rows again against what is stored now and writes them, all in one
	 * transaction: when anything changed since the preview so that a row has an error
	 * now, nothing is written.
	 */
	private void write(ImportJob job, Actor by) {
		try {
			int written = transaction.execute(tx -> {
				List<String> header = jdbc.sql("select header from zoning_import where id = ?")
					.param(job.id())
					.query((rs, n) -> strings(rs.getArray(1)))
					.single();
				List<SpreadsheetReader.Row> rows = jdbc
					.sql("select row_number, cells from zoning_import_row where import_id = ? order by row_number")
					.param(job.id())
					.query((rs, n) -> new SpreadsheetReader.Row(rs.getInt(1), strings(rs.getArray(2))))
					.list();
				List<PlannedRow> planned = planner.plan(job.kind(), job.districtCode(),
						planner.columns(job.kind(), header), rows, n -> {
						});
				if (planned.stream().anyMatch(r -> r.action() == PlannedRow.Action.ERROR)) {
					throw new ImportRefused("zoning.import.refused.changed");
				}
				List<PlannedRow> writes = planned.stream().filter(PlannedRow::writes).toList();
				progressTransaction.executeWithoutResult(
						t -> jdbc.sql("update zoning_import set rows_to_write = ?, progress_at = ? where id = ?")
							.params(writes.size(), Timestamp.from(clock.instant()), job.id())
							.update());
				int n = 0;
				for (PlannedRow row : writes) {
					write(row, by);
					if (++n % 50 == 0) {
						progress(job.id(), "rows_written", n);
					}
				}
				events.publishEvent(new ZoningImportWritten(by, job.id(), job.districtCode(), job.kind().name(),
						job.fileName(), sha(job.id()), count(planned, PlannedRow.Action.ADD),
						count(planned, PlannedRow.Action.CHANGE), count(planned, PlannedRow.Action.UNCHANGED)));
				return n;
			});
			jdbc.sql("""
					update zoning_import set status = 'WRITTEN', rows_written = ?, progress_at = ?, finished_at = ?
					where id = ?
					""")
				.params(written, Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), job.id())
				.update();
		}
		catch (ImportRefused refused) {
			failed(job.id(), refused.messageKey());
		}
		catch (RuntimeException ex) {
			log.error("Import {} could not be written; nothing of it was", job.id(), ex);
			failed(job.id(), "zoning.import.refused.write-failed");
		}
	}

	private void write(PlannedRow row, Actor by) {
		switch (row.change()) {
			case PlannedRow.SchoolChange(School school) -> schools.save(school, by);
			case PlannedRow.AddressChange(ZoneDefinition zone, AddressMapping address) -> {
				zones.saveZone(zone, by);
				zones.saveAddress(address, by);
			}
		}
	}

	private void progress(UUID id, String counter, int value) {
		progressTransaction.executeWithoutResult(
				tx -> jdbc.sql("update zoning_import set " + counter + " = ?, progress_at = ? where id = ?")
					.params(value, Timestamp.from(clock.instant()), id)
					.update());
	}

	private void failed(UUID id, String messageKey) {
		jdbc.sql("update zoning_import set status = 'FAILED', problem_key = ?, finished_at = ? where id = ?")
			.params(messageKey, Timestamp.from(clock.instant()), id)
			.update();
	}

	private String sha(UUID id) {
		return jdbc.sql("select file_sha256 from zoning_import where id = ?").param(id).query(String.class).single();
	}

	private void requireDistrict(SignedIn who, String districtCode) {
		policy.require(who, new AccessPolicy.Scope(districtCode, null, null));
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		workers.shutdownNow();
	}

	private static int count(List<PlannedRow> rows, PlannedRow.Action action) {
		return (int) rows.stream().filter(r -> r.action() == action).count();
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
		return new ImportJob(rs.getObject("id", UUID.class), rs.getString("district_code"),
				ImportKind.valueOf(rs.getString("kind")), rs.getString("file_name"),
				ImportJob.Status.valueOf(rs.getString("status")), rs.getString("problem_key"),
				strings(rs.getArray("problem_args")), rs.getInt("rows_read"), rs.getInt("rows_checked"),
				rs.getInt("rows_to_write"), rs.getInt("rows_written"), rs.getInt("added"), rs.getInt("changed"),
				rs.getInt("unchanged"), rs.getInt("rows_with_errors"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("progress_at").toInstant(),
				(rs.getTimestamp("finished_at") != null) ? rs.getTimestamp("finished_at").toInstant() : null);
	}

}
