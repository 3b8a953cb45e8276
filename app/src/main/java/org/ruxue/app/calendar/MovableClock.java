package org.ruxue.app.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fixed clock of demos and tests ({@code ruxue.clock.fixed}): it stands still, and a
 * test that follows a year from the preferences to the published result moves it on and
 * back. Never used with the real time.
 */
public final class MovableClock extends Clock {

	private final AtomicReference<Instant> now;

	private final ZoneId zone;

	MovableClock(Instant now, ZoneId zone) {
		this(new AtomicReference<>(now), zone);
	}

	private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	/** Moves the clock, for every component that reads it, to the given moment. */
	public void moveTo(Instant moment) {
		now.set(moment);
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId other) {
		return new MovableClock(now, other);
	}

	@Override
	public Instant instant() {
		return now.get();
	}

}
