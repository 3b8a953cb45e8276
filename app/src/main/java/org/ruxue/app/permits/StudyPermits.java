package org.ruxue.app.permits;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.population.SealedIdNumbers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The permits districts issued (R-P7). A child holds at most one valid permit per
 * district and year (a database constraint); the number is the year, the district and a
 * random part, so that numbers cannot be guessed from one another.
 */
@Service
public class StudyPermits {

	private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private final JdbcClient jdbc;

	private final SealedIdNumbers sealed;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	StudyPermits(JdbcClient jdbc, SealedIdNumbers sealed, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.sealed = sealed;
		this.events = events;
		this.clock = clock;
	}

	/** The child's valid permit of this district and year, if the district issued one. */
	@Transactional(readOnly = true)
	public Optional<StudyPermit> valid(IdCardNumber child, String districtCode, int year) {
		return jdbc.sql("""
				select * from study_permit
				where child_id_hash = ? and district_code = ? and year = ? and revoked_at is null
				""").params(sealed.lookupHash(child), districtCode, year).query(StudyPermits::permit).optional();
	}

	@Transactional(readOnly = true)
	public Optional<StudyPermit> byNumber(String number) {
		return jdbc.sql("select * from study_permit where number = ?")
			.param(number)
			.query(StudyPermits::permit)
			.optional();
	}

	/**
	 * Issues a permit after the district's review approved the child's documents.
	 * @throws org.springframework.dao.DuplicateKeyException when the child holds a valid
	 * permit of this district and year already
	 */
	@Transactional
	public StudyPermit issue(IdCardNumber child, String childName, String districtCode, int year, Actor by) {
		StringBuilder suffix = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		String number = year + "-" + districtCode + "-" + suffix;
		Instant now = clock.instant();
		jdbc.sql("""
				insert into study_permit (number, district_code, year, child_id_hash, child_name, issued_at)
				values (?, ?, ?, ?, ?, ?)
				""")
			.params(number, districtCode, year, sealed.lookupHash(child), childName, Timestamp.from(now))
			.update();
		events.publishEvent(new StudyPermitIssued(number, districtCode, year, by));
		return new StudyPermit(number, districtCode, year, childName, now, null, null);
	}

	/**
	 * Revokes a permit; registrations that depended on it are flagged to the district.
	 */
	@Transactional
	public void revoke(String number, String reason, Actor by) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("A revocation needs a reason");
		}
		StudyPermit permit = byNumber(number).filter(StudyPermit::valid)
			.orElseThrow(() -> new IllegalArgumentException("No valid permit " + number));
		jdbc.sql("update study_permit set revoked_at = ?, revoke_reason = ? where number = ?")
			.params(Timestamp.from(clock.instant()), reason.strip(), number)
			.update();
		events.publishEvent(new StudyPermitRevoked(number, permit.districtCode(), permit.year(), reason.strip(), by));
	}

	private static StudyPermit permit(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new StudyPermit(rs.getString("number"), rs.getString("district_code"), rs.getInt("year"),
				rs.getString("child_name"), rs.getTimestamp("issued_at").toInstant(),
				(revoked != null) ? revoked.toInstant() : null, rs.getString("revoke_reason"));
	}

}
