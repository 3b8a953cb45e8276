package org.ruxue.app.notification;

import java.time.Duration;

/**
 * When to try a message again: {@code initial} after the first failed attempt, doubled
 * after each further one up to {@code max}; after {@code maxAttempts} the message is
 * FAILED and waits for the city administrator.
 */
record Backoff(Duration initial, Duration max, int maxAttempts) {

	Backoff {
		if (initial.isNegative() || max.compareTo(initial) < 0 || maxAttempts < 1) {
			throw new IllegalArgumentException("A backoff needs 0 <= initial <= max and at least one attempt");
		}
	}

	boolean exhausted(int attempts) {
		return attempts >= maxAttempts;
	}

	/** The delay after the given number of attempts (1 = the first failed). */
	Duration after(int attempts) {
		int doublings = Math.clamp(attempts - 1, 0, 30);
		Duration delay = initial.multipliedBy(1L << doublings);
		return (delay.compareTo(max) > 0) ? max : delay;
	}

}
