package org.ruxue.app.placement;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One chance estimate of a district's year: who asked, how far it got and, once finished,
 * the district's figures.
 *
 * @param startedAt when the preferences were read: the estimate is for them as saved
 * before this
 * @param students the students in the draw (every student of the district entering junior
 * high, less those admitted by a route outside it)
 * @param studentsWithChoices those of them with at least one saved choice
 * @param seats the seats the draw offers (each school's seats less those taken by routes
 * outside the draw)
 * @param applicantsPerSeat students per seat, null when no seat is offered
 * @param problemKey why a failed run stopped, as a message key
 */
public record EstimateRun(UUID id, int year, String districtCode, EstimateStatus status, int runs, int runsDone,
		String mechanism, String tieBreaking, String requestedBy, Instant requestedAt, Instant startedAt,
		Instant progressAt, Instant finishedAt, Integer students, Integer studentsWithChoices, Integer seats,
		BigDecimal applicantsPerSeat, String problemKey) {

	/**
	 * A worker that has shown no progress for this long has stopped (its node went down).
	 */
	static final Duration STALLED = Duration.ofMinutes(10);

	public boolean stalled(Instant now) {
		return status.active() && progressAt.plus(STALLED).isBefore(now);
	}

	/** Queued or running, and not stalled. */
	public boolean active(Instant now) {
		return status.active() && !stalled(now);
	}

	public int percentDone() {
		return 100 * runsDone / runs;
	}

}
