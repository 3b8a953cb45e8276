package org.ruxue.app.junior;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The error reports of junior entry and the standing confirmations they clear. */
@Repository
class ErrorReports {

	private static final String SELECT = "select * from junior_error_report ";

	private final JdbcClient jdbc;

	ErrorReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ErrorReport> byId(UUID id) {
		return jdbc.sql(SELECT + "where id = ?").param(id).query(this::report).optional();
	}

	Optional<ErrorReport> open(String educationId) {
		return jdbc.sql(SELECT + "where education_id = ? and resolution is null")
			.param(educationId)
			.query(this::report)
			.optional();
	}

	Optional<ErrorReport> lastAnswered(String educationId) {
		return jdbc.sql(SELECT + "where education_id = ? and resolution is not null order by resolved_at desc limit 1")
			.param(educationId)
			.query(this::report)
			.optional();
	}

	/**
	 * A school's reports, the open ones first, then the latest answered: at most 5,000,
	 * far above a school's reports, so that the staff table pages through all of them
	 * (issue 12) while each line's student is still read one by one.
	 */
	List<ErrorReport> ofSchool(String schoolCode) {
		return jdbc.sql(SELECT + """
				where school_code = ? order by resolution is not null, reported_at desc, id limit 5000
				""").param(schoolCode).query(this::report).list();
	}

	/**
	 * The reports about a district's students without a graduating school: at most 5,000,
	 * far above a district's newly arrived students, as {@link #ofSchool}.
	 */
	List<ErrorReport> ofDistrictWithoutSchool(String districtCode) {
		return jdbc.sql(SELECT + """
				where school_code is null and district_code = ?
				order by resolution is not null, reported_at desc, id limit 5000
				""").param(districtCode).query(this::report).list();
	}

	void insert(ErrorReport r) {
		jdbc.sql("""
				insert into junior_error_report (id, education_id, school_code, district_code, text, student_version,
				  reported_at)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(r.id(), r.educationId(), r.schoolCode(), r.districtCode(), r.text(), r.studentVersion(),
					Timestamp.from(r.reportedAt()))
			.update();
	}

	/**
	 * @return false when the report was answered meanwhile
	 */
	boolean resolve(UUID id, ErrorReport.Resolution resolution, String reason, Instant at, String by) {
		return jdbc.sql("""
				update junior_error_report set resolution = ?, reason = ?, resolved_at = ?, resolved_by = ?
				where id = ? and resolution is null
				""").params(resolution.name(), reason, Timestamp.from(at), by, id).update() == 1;
	}

	/** The standing confirmation: the record's version it signed and when. */
	record Confirmation(int studentVersion, Instant confirmedAt) {

	}

	Optional<Confirmation> standingConfirmation(String educationId) {
		return jdbc.sql("""
				select student_version, confirmed_at from junior_confirmation
				where education_id = ? and cleared_at is null
				""")
			.param(educationId)
			.query((rs, n) -> new Confirmation(rs.getInt("student_version"),
					rs.getTimestamp("confirmed_at").toInstant()))
			.optional();
	}

	void clearConfirmation(String educationId, Instant at) {
		jdbc.sql("update junior_confirmation set cleared_at = ? where education_id = ? and cleared_at is null")
			.params(Timestamp.from(at), educationId)
			.update();
	}

	void confirm(String educationId, int studentVersion, Instant at, String by) {
		jdbc.sql("""
				insert into junior_confirmation (education_id, student_version, confirmed_at, confirmed_by)
				values (?, ?, ?, ?)
				""").params(educationId, studentVersion, Timestamp.from(at), by).update();
	}

	private ErrorReport report(ResultSet rs, int row) throws SQLException {
		String resolution = rs.getString("resolution");
		Timestamp resolvedAt = rs.getTimestamp("resolved_at");
		return new ErrorReport(rs.getObject("id", UUID.class), rs.getString("education_id"),
				rs.getString("school_code"), rs.getString("district_code"), rs.getString("text"),
				rs.getInt("student_version"), rs.getTimestamp("reported_at").toInstant(),
				(resolution != null) ? ErrorReport.Resolution.valueOf(resolution) : null, rs.getString("reason"),
				(resolvedAt != null) ? resolvedAt.toInstant() : null, rs.getString("resolved_by"));
	}

}
