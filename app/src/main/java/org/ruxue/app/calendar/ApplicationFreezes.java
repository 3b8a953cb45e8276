package org.ruxue.app.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;

import org.ruxue.app.audit.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moment a year's applications stop changing (R-J7, R-Z4): the city freezes a
 * district's or the whole city's applications into a lottery snapshot, and from then on
 * every write to them is refused. A writer asks {@link #frozen} inside its own
 * transaction; the question takes a shared transaction lock that the freeze takes
 * exclusively, so a write either commits before the freeze reads the applications or is
 * refused: none slips in between.
 */
@Service
public class ApplicationFreezes {

	/** The scope that freezes every district. */
	public static final String CITY = "110000";

	private final JdbcClient jdbc;

	private final Clock clock;

	ApplicationFreezes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Whether the applications of the district and year are frozen, holding the shared
	 * lock until the caller's transaction ends.
	 * @param applications {@link PhaseKind#PRIMARY_COLLECTION} or
	 * {@link PhaseKind#JUNIOR_PREFERENCES}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean frozen(int year, PhaseKind applications, String districtCode) {
		jdbc.sql("select pg_advisory_xact_lock_shared(?)").param(lockKey(year, applications)).query().singleValue();
		return isFrozen(year, applications, districtCode);
	}

	/** As {@link #frozen}, without the lock: for pages that only say so. */
	@Transactional(readOnly = true)
	public boolean isFrozen(int year, PhaseKind applications, String districtCode) {
		return jdbc.sql("""
				select exists (select 1 from application_freeze
				               where year = ? and applications = ? and scope in (?, ?))
				""").params(year, applications.name(), districtCode, CITY).query(Boolean.class).single();
	}

	/**
	 * Freezes the applications, waiting for writes under way to commit. Returns false,
	 * changing nothing, when they are frozen already (the same scope, the city, or for
	 * the city any district). The caller reads the applications after this, in the same
	 * transaction, and sees every write that committed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean freeze(int year, PhaseKind applications, String scope, Actor by) {
		Objects.requireNonNull(by);
		jdbc.sql("select pg_advisory_xact_lock(?)").param(lockKey(year, applications)).query().singleValue();
		boolean overlaps = jdbc.sql("""
				select exists (select 1 from application_freeze
				               where year = ? and applications = ? and (scope in (?, ?) or ? = ?))
				""").params(year, applications.name(), scope, CITY, scope, CITY).query(Boolean.class).single();
		if (overlaps) {
			return false;
		}
		jdbc.sql("""
				insert into application_freeze (year, applications, scope, frozen_at, frozen_by)
				values (?, ?, ?, ?, ?)
				""").params(year, applications.name(), scope, Timestamp.from(clock.instant()), by.name()).update();
		return true;
	}

	private static long lockKey(int year, PhaseKind applications) {
		// a namespace of its own in the 64-bit key space: 0x4652 ("FR"), year, phase
		return (0x4652L << 48) | ((long) year << 16) | applications.ordinal();
	}

}
