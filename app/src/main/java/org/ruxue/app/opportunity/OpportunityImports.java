package org.ruxue.app.opportunity;

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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.spreadsheet.SpreadsheetReader;
import org.ruxue.app.spreadsheet.UnreadableSpreadsheet;

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
 * Imports of opportunity figures by the city, staged like zoning's: the upload is read
 * and planned in the background into a preview; nothing is written until the city
 * administrator confirms, and then every row in one transaction, or none when anything
 * changed since the preview so that a row has an error now. The counters in
 * {@code opportunity_import} are the progress the pages poll.
 */
@Service
class OpportunityImports {

	private static final Logger log = LoggerFactory.getLogger(OpportunityImports.class);

	private static final String JOB = "select * from opportunity_import";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final FigurePlanner planner;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final TransactionTemplate progressTransaction;

	private final int maxBytes;

	private final int maxRows;

	/**
	 * One import at a time per node: the others wait their turn, shown as 0 rows read.
	 */
	private final ExecutorService workers = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("opportunity-import").daemon(true).factory());

	OpportunityImports(JdbcClient jdbc, JdbcTemplate batch, FigurePlanner planner, ApplicationEventPublisher events,
			Clock clock, PlatformTransactionManager transactions,
			@Value("${ruxue.opportunity.import.max-bytes:10485760}") int maxBytes,
			@Value("${ruxue.opportunity.import.max-rows:50000}") int maxRows) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.planner = planner;
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
	 * @throws AccessDeniedException when who is not the city administrator
	 * @throws ImportRefused when the file is empty or too large
	 */
	UUID start(SignedIn who, String fileName, byte[] content) {
		requireCity(who);
		if (content.length == 0) {
			throw new ImportRefused("opportunity.import.refused.empty");
		}
		if (content.length > maxBytes) {
			throw new ImportRefused("opportunity.import.refused.size", maxBytes / (1024 * 1024));
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into opportunity_import (id, file_name, file_sha256, status, created_by, created_at, progress_at)
				values (?, ?, ?, 'READING', ?, ?, ?)
				""")
			.params(id, shorten(fileName), sha256(content), who.username(), Timestamp.from(now), Timestamp.from(now))
			.update();
		workers.execute(() -> read(id, content));
		return id;
	}

	ImportJob job(UUID id, SignedIn who) {
		requireCity(who);
		return jdbc.sql(JOB + " where id = ?")
			.param(id)
			.query(OpportunityImports::job)
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No import " + id));
	}

	List<ImportJob> recent(SignedIn who) {
		requireCity(who);
		return jdbc.sql(JOB + " order by created_at desc limit 10").query(OpportunityImports::job).list();
	}

	/** The job's rows with the action, by row number, at most limit. */
	List<PlannedRow> rows(ImportJob job, PlannedRow.Action action, int limit) {
		Map<Integer, List<ImportProblem>> problems = new HashMap<>();
		if (action == PlannedRow.Action.ERROR) {
			jdbc.sql("""
					select row_number, column_key, message_key, args from opportunity_import_error
					where import_id = ? and row_number in (select row_number from opportunity_import_row
					                                       where import_id = ? and action = 'ERROR'
					                                       order by row_number limit ?)
					order by row_number, position
					""").params(job.id(), job.id(), limit).query((rs, n) -> {
				problems.computeIfAbsent(rs.getInt(1), r -> new ArrayList<>())
					.add(new ImportProblem(rs.getString(2), rs.getString(3), strings(rs.getArray(4))));
				return null;
			}).list();
		}
		return jdbc.sql("""
				select row_number, cells, action, difference from opportunity_import_row
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
				update opportunity_import set status = 'WRITING', rows_written = 0, progress_at = ?
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
				update opportunity_import set status = 'CANCELLED', finished_at = ?
				where id = ? and status in ('READY', 'REFUSED')
				""").params(Timestamp.from(clock.instant()), id).update();
		jdbc.sql("delete from opportunity_import_row where import_id = ?").param(id).update();
		return updated > 0;
	}

	private List<SpreadsheetReader.Row> readRows(UUID id, byte[] content) {
		try {
			return SpreadsheetReader.read(content, maxRows, n -> progress(id, "rows_read", n));
		}
		catch (UnreadableSpreadsheet ex) {
			throw new ImportRefused("opportunity.import.refused." + ex.reason(), ex.args().toArray());
		}
	}

	private void read(UUID id, byte[] content) {
		try {
			List<SpreadsheetReader.Row> rows = readRows(id, content);
			Map<String, Integer> columns = planner.columns(rows.getFirst().cells());
			List<SpreadsheetReader.Row> data = rows.subList(1, rows.size());
			if (data.isEmpty()) {
				throw new ImportRefused("opportunity.import.refused.no-rows");
			}
			FigurePlanner.Plan plan = planner.plan(columns, data, n -> progress(id, "rows_checked", n));
			stage(id, rows.getFirst().cells(), plan);
		}
		catch (ImportRefused refused) {
			jdbc.sql("""
					update opportunity_import set status = 'REFUSED', problem_key = ?, problem_args = ?,
					       finished_at = ?
					where id = ?
					""")
				.params(refused.messageKey(), refused.args().toArray(String[]::new), Timestamp.from(clock.instant()),
						id)
				.update();
		}
		catch (RuntimeException ex) {
			log.error("Import {} could not be read", id, ex);
			failed(id, "opportunity.import.refused.unreadable");
		}
	}

	private void stage(UUID id, List<String> header, FigurePlanner.Plan plan) {
		List<PlannedRow> planned = plan.rows();
		batch.batchUpdate("""
				insert into opportunity_import_row (import_id, row_number, cells, action, difference)
				values (?, ?, ?, ?, ?)
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
				ImportProblem problem = row.problems().get(i);
				problems.add(new Object[] { row.number(), i, problem.column(), problem.messageKey(),
						problem.args().toArray(String[]::new) });
			}
		}
		batch.batchUpdate("""
				insert into opportunity_import_error (import_id, row_number, position, column_key, message_key, args)
				values (?, ?, ?, ?, ?, ?)
				""", problems, 500, (ps, p) -> {
			ps.setObject(1, id);
			ps.setInt(2, (Integer) p[0]);
			ps.setInt(3, (Integer) p[1]);
			ps.setString(4, (String) p[2]);
			ps.setString(5, (String) p[3]);
			ps.setArray(6, ps.getConnection().createArrayOf("text", (Object[]) p[4]));
		});
		int added = plan.count(PlannedRow.Action.ADD);
		int changed = plan.count(PlannedRow.Action.CHANGE);
		jdbc.sql("""
				update opportunity_import set status = 'READY', header = ?, rows_checked = ?, rows_to_write = ?,
				       added = ?, changed = ?, unchanged = ?, removed = ?, rows_with_errors = ?, progress_at = ?,
				       finished_at = null
				where id = ? and status = 'READING'
				""")
			.params(header.toArray(String[]::new), planned.size(), added + changed, added, changed,
					plan.count(PlannedRow.Action.UNCHANGED), plan.removed(), plan.count(PlannedRow.Action.ERROR),
					Timestamp.from(clock.instant()), id)
			.update();
	}

	/**
	 * Plans the staged rows again against what is stored now and writes them, all in one
	 * transaction.
	 */
	private void write(ImportJob job, Actor by) {
		try {
			int written = transaction.execute(tx -> {
				List<String> header = jdbc.sql("select header from opportunity_import where id = ?")
					.param(job.id())
					.query((rs, n) -> strings(rs.getArray(1)))
					.single();
				List<SpreadsheetReader.Row> rows = jdbc
					.sql("select row_number, cells from opportunity_import_row where import_id = ? order by row_number")
					.param(job.id())
					.query((rs, n) -> new SpreadsheetReader.Row(rs.getInt(1), strings(rs.getArray(2))))
					.list();
				FigurePlanner.Plan plan = planner.plan(planner.columns(header), rows, n -> {
				});
				if (plan.hasErrors()) {
					throw new ImportRefused("opportunity.import.refused.changed");
				}
				int writes = plan.count(PlannedRow.Action.ADD) + plan.count(PlannedRow.Action.CHANGE);
				progressTransaction.executeWithoutResult(
						t -> jdbc.sql("update opportunity_import set rows_to_write = ?, progress_at = ? where id = ?")
							.params(writes, Timestamp.from(clock.instant()), job.id())
							.update());
				planner.write(plan, n -> progress(job.id(), "rows_written", n));
				events.publishEvent(new OpportunityImportWritten(by, job.id(), job.fileName(), sha(job.id()),
						plan.count(PlannedRow.Action.ADD), plan.count(PlannedRow.Action.CHANGE),
						plan.count(PlannedRow.Action.UNCHANGED), plan.removed()));
				return writes;
			});
			jdbc.sql("""
					update opportunity_import set status = 'WRITTEN', rows_written = ?, progress_at = ?, finished_at = ?
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
			failed(job.id(), "opportunity.import.refused.write-failed");
		}
	}

	private void progress(UUID id, String counter, int value) {
		progressTransaction.executeWithoutResult(
				tx -> jdbc.sql("update opportunity_import set " + counter + " = ?, progress_at = ? where id = ?")
					.params(value, Timestamp.from(clock.instant()), id)
					.update());
	}

	private void failed(UUID id, String messageKey) {
		jdbc.sql("update opportunity_import set status = 'FAILED', problem_key = ?, finished_at = ? where id = ?")
			.params(messageKey, Timestamp.from(clock.instant()), id)
			.update();
	}

	private String sha(UUID id) {
		return jdbc.sql("select file_sha256 from opportunity_import where id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	/** The figures are the city's (R-G1): district officers read them like everyone. */
	private static void requireCity(SignedIn who) {
		if (who == null || who.role() != Role.CITY_ADMIN) {
			throw new AccessDeniedException("Only the city administrator imports opportunity figures");
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
		return new ImportJob(rs.getObject("id", UUID.class), rs.getString("file_name"),
				ImportJob.Status.valueOf(rs.getString("status")), rs.getString("problem_key"),
				strings(rs.getArray("problem_args")), rs.getInt("rows_read"), rs.getInt("rows_checked"),
				rs.getInt("rows_to_write"), rs.getInt("rows_written"), rs.getInt("added"), rs.getInt("changed"),
				rs.getInt("unchanged"), rs.getInt("removed"), rs.getInt("rows_with_errors"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("progress_at").toInstant(),
				(rs.getTimestamp("finished_at") != null) ? rs.getTimestamp("finished_at").toInstant() : null);
	}

}
