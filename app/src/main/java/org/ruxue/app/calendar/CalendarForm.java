package org.ruxue.app.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrator's calendar form as typed: dates are strings until parsed, so that a
 * typo comes back next to its field with everything else the administrator typed still
 * there.
 */
record CalendarForm(Integer version, String ageCutoff, Map<PhaseKind, String> opens, Map<PhaseKind, String> closes,
		String zoningCutoffs) {

	static CalendarForm empty(int year) {
		return new CalendarForm(null, YearRules.defaultAgeCutoff(year).toString(), new EnumMap<>(PhaseKind.class),
				new EnumMap<>(PhaseKind.class), "");
	}

	static CalendarForm of(Integer version, YearRules rules, List<PhaseWindow> windows) {
		Map<PhaseKind, String> opens = new EnumMap<>(PhaseKind.class);
		Map<PhaseKind, String> closes = new EnumMap<>(PhaseKind.class);
		for (PhaseWindow window : windows) {
			opens.put(window.kind(), window.opensOn().toString());
			closes.put(window.kind(), (window.closesOn() != null) ? window.closesOn().toString() : "");
		}
		StringBuilder cutoffs = new StringBuilder();
		new java.util.TreeMap<>(rules.zoningCutoffs())
			.forEach((district, cutoff) -> cutoffs.append(district).append('=').append(cutoff).append('\n'));
		return new CalendarForm(version, rules.ageCutoff().toString(), opens, closes, cutoffs.toString());
	}

	/** Phases whose first day is empty are not scheduled this year. */
	List<PhaseWindow> windows() {
		List<PhaseWindow> windows = new ArrayList<>();
		for (PhaseKind kind : PhaseKind.values()) {
			String opensOn = value(opens, kind);
			if (!opensOn.isEmpty()) {
				String closesOn = value(closes, kind);
				windows.add(new PhaseWindow(kind, date(opensOn), closesOn.isEmpty() ? null : date(closesOn)));
			}
		}
		return windows;
	}

	LocalDate parsedAgeCutoff() {
		return (ageCutoff == null || ageCutoff.isBlank()) ? null : date(ageCutoff.strip());
	}

	Map<String, LocalDate> parsedZoningCutoffs() {
		Map<String, LocalDate> cutoffs = new LinkedHashMap<>();
		if (zoningCutoffs == null) {
			return cutoffs;
		}
		for (String line : zoningCutoffs.split("\\R")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			String[] parts = trimmed.split("\\s*=\\s*");
			if (parts.length != 2 || !parts[0].matches("11\\d{4}")) {
				throw new InvalidCalendarException("calendar.error.bad-zoning-line", trimmed);
			}
			cutoffs.put(parts[0], date(parts[1]));
		}
		return cutoffs;
	}

	private static String value(Map<PhaseKind, String> values, PhaseKind kind) {
		String value = (values != null) ? values.get(kind) : null;
		return (value != null) ? value.strip() : "";
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidCalendarException("calendar.error.bad-date", text);
		}
	}

}
