package org.ruxue.app.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Moves the suite's fixed clock for a test that follows a year through its phases, and
 * puts it back where every other test expects it (2017-05-10 09:00 Beijing time).
 */
public final class TestClock {

	public static final OffsetDateTime SUITE_NOW = OffsetDateTime.parse("2017-05-10T09:00:00+08:00");

	private TestClock() {
	}

	public static void moveTo(Clock clock, OffsetDateTime moment) {
		movable(clock).moveTo(moment.toInstant());
	}

	public static void reset(Clock clock) {
		movable(clock).moveTo(SUITE_NOW.toInstant());
	}

	public static Instant now(Clock clock) {
		return clock.instant();
	}

	private static MovableClock movable(Clock clock) {
		if (clock instanceof MovableClock movable) {
			return movable;
		}
		throw new IllegalStateException("The suite's clock is not fixed (ruxue.clock.fixed)");
	}

}
