package org.ruxue.app.calendar;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One enrollment year: its phase windows and its rules. The aggregate guards its own
 * consistency; the version makes a concurrent edit by a second administrator fail instead
 * of silently overwriting the first.
 */
@Table("enrollment_year")
class EnrollmentYear {

	@Id
	private final Integer year;

	@Version
	private Integer version;

	private LocalDate ageCutoff;

	@MappedCollection(idColumn = "year", keyColumn = "kind")
	private final Map<PhaseKind, PhaseDates> phases;

	@MappedCollection(idColumn = "year", keyColumn = "district_code")
	private final Map<String, ZoningCutoff> zoningCutoffs;

	@PersistenceCreator
	EnrollmentYear(Integer year, Integer version, LocalDate ageCutoff, Map<PhaseKind, PhaseDates> phases,
			Map<String, ZoningCutoff> zoningCutoffs) {
		this.year = year;
		this.version = version;
		this.ageCutoff = ageCutoff;
		this.phases = new EnumMap<>(PhaseKind.class);
		this.phases.putAll(phases);
		this.zoningCutoffs = new TreeMap<>(zoningCutoffs);
	}

	static EnrollmentYear create(int year) {
		return new EnrollmentYear(year, null, YearRules.defaultAgeCutoff(year), Map.of(), Map.of());
	}

	int year() {
		return year;
	}

	Integer version() {
		return version;
	}

	YearRules rules() {
		return new YearRules(year, ageCutoff,
				zoningCutoffs.entrySet()
					.stream()
					.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().cutoff())));
	}

	java.util.List<PhaseWindow> windows() {
		return phases.entrySet()
			.stream()
			.map(e -> new PhaseWindow(e.getKey(), e.getValue().opensOn(), e.getValue().closesOn()))
			.sorted(java.util.Comparator.comparing(PhaseWindow::opensOn).thenComparing(PhaseWindow::kind))
			.toList();
	}

	/**
	 * Replaces the year's dates and rules as a whole, as the administrator's form submits
	 * them.
	 */
	void reschedule(java.util.Collection<PhaseWindow> windows, LocalDate newAgeCutoff,
			Map<String, LocalDate> newZoningCutoffs) {
		if (newAgeCutoff == null) {
			throw new InvalidCalendarException("calendar.error.age-cutoff-required");
		}
		if (newAgeCutoff.getYear() >= year) {
			throw new InvalidCalendarException("calendar.error.age-cutoff-year", year);
		}
		for (PhaseWindow window : windows) {
			if (window.opensOn().getYear() != year) {
				throw new InvalidCalendarException("calendar.error.outside-year", window.kind(), year);
			}
		}
		ageCutoff = newAgeCutoff;
		phases.clear();
		windows.forEach(w -> phases.put(w.kind(), new PhaseDates(w.opensOn(), w.closesOn())));
		zoningCutoffs.clear();
		newZoningCutoffs.forEach((district, cutoff) -> zoningCutoffs.put(district, new ZoningCutoff(cutoff)));
	}

	/**
	 * R-Z4: sets or (with null) removes one district's multi-school cutoff, as the
	 * district officer does.
	 * @return whether anything changed
	 */
	boolean changeZoningCutoff(String districtCode, LocalDate cutoff) {
		ZoningCutoff before = zoningCutoffs.get(districtCode);
		if (cutoff == null) {
			return zoningCutoffs.remove(districtCode) != null;
		}
		if (before != null && before.cutoff().equals(cutoff)) {
			return false;
		}
		zoningCutoffs.put(districtCode, new ZoningCutoff(cutoff));
		return true;
	}

	/** A short, stable description of the year for the audit trail's before/after. */
	String summary() {
		String windowText = windows().stream().map(PhaseWindow::toString).collect(Collectors.joining("; "));
		String cutoffs = zoningCutoffs.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + e.getValue().cutoff())
			.collect(Collectors.joining(","));
		return "ageCutoff=" + ageCutoff + "; " + windowText + "; zoningCutoffs=" + cutoffs;
	}

	@Table("enrollment_phase")
	record PhaseDates(LocalDate opensOn, LocalDate closesOn) {
	}

	@Table("zoning_cutoff")
	record ZoningCutoff(LocalDate cutoff) {
	}

}
