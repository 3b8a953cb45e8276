package org.ruxue.app.population;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Real time stood still for tests, moved on only by {@link #pass(Duration)}. */
final class TestTime implements InstantSource {

	private volatile Instant now = Instant.parse("2017-05-10T01:00:00Z");

	@Override
	public Instant instant() {
		return now;
	}

	void pass(Duration duration) {
		now = now.plus(duration);
	}

}
