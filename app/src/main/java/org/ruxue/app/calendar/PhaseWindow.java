package org.ruxue.app.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A phase's dates, inclusive, as the source states them ("05-08 to 05-31"): open from the
 * first day's midnight in the city's time zone until the midnight that ends the last day.
 * A window without a last day stays open.
 */
public record PhaseWindow(PhaseKind kind, LocalDate opensOn, LocalDate closesOn) {

	public PhaseWindow {
		if (kind == null || opensOn == null) {
			throw new IllegalArgumentException("A phase needs a kind and a first day");
		}
		if (closesOn != null && closesOn.isBefore(opensOn)) {
			throw new InvalidCalendarException("calendar.error.closes-before-opens", kind);
		}
	}

	public boolean isOpenAt(Instant instant, ZoneId zone) {
		return !instant.isBefore(opensAt(zone)) && (closesOn == null || instant.isBefore(closesAt(zone)));
	}

	public boolean opensAfter(Instant instant, ZoneId zone) {
		return instant.isBefore(opensAt(zone));
	}

	public Instant opensAt(ZoneId zone) {
		return opensOn.atStartOfDay(zone).toInstant();
	}

	/** The first instant after the window, or null when it stays open. */
	public Instant closesAt(ZoneId zone) {
		return (closesOn != null) ? closesOn.plusDays(1).atStartOfDay(zone).toInstant() : null;
	}

	@Override
	public String toString() {
		return kind + " " + opensOn + ".." + ((closesOn != null) ? closesOn : "");
	}

}
