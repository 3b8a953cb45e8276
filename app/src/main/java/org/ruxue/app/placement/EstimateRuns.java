package org.ruxue.app.placement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The estimate runs and their figures. A district's year has at most one queued or
 * running estimate (a unique index says so), at most one finished one whose figures
 * families read, and the latest failure.
 */
@Repository
class EstimateRuns {

	private static final String RUN = """
			select id, year, district_code, status, runs, runs_done, mechanism, tie_breaking, requested_by, requested_at,
			  started_at, progress_at, finished_at, students, students_with_choices, seats, applicants_per_seat,
			  problem_key
			from placement_estimate_run
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	EstimateRuns(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** What a finished run found, to be stored with its figures. */
	record Figures(int students, int studentsWithChoices, int seats, BigDecimal applicantsPerSeat) {

	}

	/** A share row: one student's choice (position above 0) or no place (position 0). */
	record Share(String educationId, String lotteryId, int position, int batch, String schoolCode, int placedRuns) {

	}

	/**
	 * Queues an estimate unless one is queued or running for the district's year; a run
	 * whose worker stopped long ago is marked failed first, so it holds nothing up.
	 * @return the new run's id, or empty when one is active
	 */
	Optional<UUID> queue(int year, String district, int runs, String mechanism, String tieBreaking, String requestedBy,
			Instant now) {
		jdbc.sql("""
				update placement_estimate_run set status = 'FAILED', problem_key = 'estimates.problem.stalled'
				where year = ? and district_code = ? and status in ('QUEUED', 'RUNNING') and progress_at < ?
				""").params(year, district, Timestamp.from(now.minus(EstimateRun.STALLED))).update();
		UUID id = UUID.randomUUID();
		int inserted = jdbc.sql("""
				insert into placement_estimate_run (id, year, district_code, status, runs, mechanism, tie_breaking,
				  requested_by, requested_at, progress_at)
				values (?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?)
				on conflict (year, district_code) where status in ('QUEUED', 'RUNNING') do nothing
				""")
			.params(id, year, district, runs, mechanism, tieBreaking, requestedBy, Timestamp.from(now),
					Timestamp.from(now))
			.update();
		return (inserted == 1) ? Optional.of(id) : Optional.empty();
	}

	/**
	 * @return false when the run is no longer queued (marked failed as stalled)
	 */
	boolean start(UUID id, Instant now) {
		return jdbc.sql("""
				update placement_estimate_run set status = 'RUNNING', started_at = ?, progress_at = ?
				where id = ? and status = 'QUEUED'
				""").params(Timestamp.from(now), Timestamp.from(now), id).update() == 1;
	}

	void progress(UUID id, int runsDone, Instant now) {
		jdbc.sql("update placement_estimate_run set runs_done = ?, progress_at = ? where id = ? and status = 'RUNNING'")
			.params(runsDone, Timestamp.from(now), id)
			.update();
	}

	/** Queued runs waiting behind another are alive too. */
	void stillQueued(List<UUID> ids, Instant now) {
		if (!ids.isEmpty()) {
			jdbc.sql("update placement_estimate_run set progress_at = :now where id in (:ids) and status = 'QUEUED'")
				.param("now", Timestamp.from(now))
				.param("ids", ids)
				.update();
		}
	}

	/**
	 * Stores the figures and makes them the district's: the run becomes finished and the
	 * district's earlier runs go, with their figures. Call in one transaction, so that a
	 * reader sees either the old figures or the new.
	 * @return false when the run is no longer running (marked failed as stalled
	 * meanwhile)
	 */
	boolean finish(EstimateRun run, Figures figures, List<Share> shares, Instant now) {
		int updated = jdbc
			.sql("""
					update placement_estimate_run set status = 'FINISHED', runs_done = runs, progress_at = ?, finished_at = ?,
					  students = ?, students_with_choices = ?, seats = ?, applicants_per_seat = ?
					where id = ? and status = 'RUNNING'
					""")
			.params(Timestamp.from(now), Timestamp.from(now), figures.students(), figures.studentsWithChoices(),
					figures.seats(), figures.applicantsPerSeat(), run.id())
			.update();
		if (updated != 1) {
			return false;
		}
		batch.batchUpdate("""
				insert into placement_estimate_share (run_id, education_id, lottery_id, position, batch, school_code,
				  placed_runs)
				values (?, ?, ?, ?, ?, ?, ?)
				""", shares, 1000, (ps, share) -> {
			ps.setObject(1, run.id());
			ps.setString(2, share.educationId());
			ps.setString(3, share.lotteryId());
			ps.setInt(4, share.position());
			ps.setInt(5, share.batch());
			ps.setString(6, share.schoolCode());
			ps.setInt(7, share.placedRuns());
		});
		jdbc.sql("""
				delete from placement_estimate_run
				where year = ? and district_code = ? and id <> ? and status in ('FINISHED', 'FAILED')
				""").params(run.year(), run.districtCode(), run.id()).update();
		return true;
	}

	/** The district keeps its figures and this failure, not older failures. */
	void fail(UUID id, String problemKey, Instant now) {
		jdbc.sql("""
				update placement_estimate_run set status = 'FAILED', problem_key = ?, progress_at = ?
				where id = ? and status in ('QUEUED', 'RUNNING')
				""").params(problemKey, Timestamp.from(now), id).update();
		jdbc.sql("""
				delete from placement_estimate_run r using placement_estimate_run f
				where f.id = ? and r.year = f.year and r.district_code = f.district_code and r.id <> f.id
				  and r.status = 'FAILED'
				""").param(id).update();
	}

	Optional<EstimateRun> byId(UUID id) {
		return jdbc.sql(RUN + " where id = ?").param(id).query(EstimateRuns::run).optional();
	}

	Optional<EstimateRun> latestFinished(int year, String district) {
		return jdbc.sql(RUN + """
				 where year = ? and district_code = ? and status = 'FINISHED'
				order by finished_at desc limit 1
				""").params(year, district).query(EstimateRuns::run).optional();
	}

	/** Every run of the year, newest first per district. */
	List<EstimateRun> ofYear(int year) {
		return jdbc.sql(RUN + " where year = ? order by district_code, requested_at desc")
			.param(year)
			.query(EstimateRuns::run)
			.list();
	}

	/** The student's rows of the run, no place first, then in list order. */
	List<Share> shares(UUID runId, String educationId) {
		return jdbc.sql("""
				select education_id, lottery_id, position, batch, school_code, placed_runs
				from placement_estimate_share where run_id = ? and education_id = ? order by position
				""")
			.params(runId, educationId)
			.query((rs, n) -> new Share(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
					rs.getInt(6)))
			.list();
	}

	boolean claimNight(LocalDate night, String by, Instant now) {
		return jdbc.sql("""
				insert into placement_estimate_night (night, claimed_at, claimed_by) values (?, ?, ?)
				on conflict do nothing
				""").params(night, Timestamp.from(now), by).update() == 1;
	}

	private static EstimateRun run(ResultSet rs, int row) throws SQLException {
		return new EstimateRun(rs.getObject("id", UUID.class), rs.getInt("year"), rs.getString("district_code"),
				EstimateStatus.valueOf(rs.getString("status")), rs.getInt("runs"), rs.getInt("runs_done"),
				rs.getString("mechanism"), rs.getString("tie_breaking"), rs.getString("requested_by"),
				instant(rs, "requested_at"), instant(rs, "started_at"), instant(rs, "progress_at"),
				instant(rs, "finished_at"), integer(rs, "students"), integer(rs, "students_with_choices"),
				integer(rs, "seats"), rs.getBigDecimal("applicants_per_seat"), rs.getString("problem_key"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}
