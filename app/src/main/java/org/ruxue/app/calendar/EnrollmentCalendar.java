package org.ruxue.app.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import org.ruxue.app.audit.Actor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar's facade: which phases are open now, what comes next, the rules of a year,
 * and the administrator's edits. Every other module asks here instead of comparing dates
 * itself.
 */
@Service
public class EnrollmentCalendar {

	private final EnrollmentYears years;

	private final Clock clock;

	private final CityClock cityClock;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	/**
	 * The years as last read, with the stamp they were read at; replaced, never changed.
	 */
	private volatile Snapshot snapshot = new Snapshot("", new TreeMap<>());

	EnrollmentCalendar(EnrollmentYears years, Clock clock, CityClock cityClock, ApplicationEventPublisher events,
			JdbcClient jdbc) {
		this.years = years;
		this.clock = clock;
		this.cityClock = cityClock;
		this.events = events;
		this.jdbc = jdbc;
	}

	/**
	 * The years as they are in the database now. Every page and every registration asks
	 * the calendar several times, so the years are kept in memory and read again only
	 * when their stamp changed: the years with the transaction id of each row's current
	 * version (xmin), which changes with every save on any node and is never reused by a
	 * save that rolled back. One small query instead of loading the aggregates each time.
	 */
	private NavigableMap<Integer, YearView> current() {
		String stamp = jdbc
			.sql("select coalesce(string_agg(year || ':' || xmin, ',' order by year), '') " + "from enrollment_year")
			.query(String.class)
			.single();
		Snapshot known = snapshot;
		if (known.stamp().equals(stamp)) {
			return known.years();
		}
		NavigableMap<Integer, YearView> loaded = new TreeMap<>();
		for (EnrollmentYear year : years.findAllByOrderByYearAsc()) {
			loaded.put(year.year(), new YearView(year.version(), year.windows(), year.rules()));
		}
		// read in the same transaction as the stamp, so the two agree
		snapshot = new Snapshot(stamp, Collections.unmodifiableNavigableMap(loaded));
		return snapshot.years();
	}

	private Optional<YearView> year(int year) {
		return Optional.ofNullable(current().get(year));
	}

	private record YearView(Integer version, List<PhaseWindow> windows, YearRules rules) {
	}

	private record Snapshot(String stamp, NavigableMap<Integer, YearView> years) {
	}

	public Instant now() {
		return clock.instant();
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(cityClock.zone()));
	}

	/**
	 * The year whose entry is being run: the latest configured year not after today's
	 * year.
	 */
	@Transactional(readOnly = true)
	public Optional<Integer> currentYear() {
		int thisYear = today().getYear();
		return Optional.ofNullable(current().floorKey(thisYear));
	}

	@Transactional(readOnly = true)
	public boolean isOpen(int year, PhaseKind kind) {
		return window(year, kind).map(w -> w.isOpenAt(now(), cityClock.zone())).orElse(false);
	}

	/** Whether the phase is open now in the current year. */
	@Transactional(readOnly = true)
	public boolean isOpen(PhaseKind kind) {
		return currentYear().map(year -> isOpen(year, kind)).orElse(false);
	}

	@Transactional(readOnly = true)
	public Optional<PhaseWindow> window(int year, PhaseKind kind) {
		return year(year).flatMap(y -> y.windows().stream().filter(w -> w.kind() == kind).findFirst());
	}

	@Transactional(readOnly = true)
	public List<PhaseWindow> windows(int year) {
		return year(year).map(YearView::windows).orElse(List.of());
	}

	@Transactional(readOnly = true)
	public List<PhaseWindow> openNow() {
		Instant now = now();
		return allWindows().stream().filter(w -> w.isOpenAt(now, cityClock.zone())).toList();
	}

	@Transactional(readOnly = true)
	public List<PhaseWindow> comingNext(int limit) {
		Instant now = now();
		return allWindows().stream()
			.filter(w -> w.opensAfter(now, cityClock.zone()))
			.sorted(Comparator.comparing(PhaseWindow::opensOn))
			.limit(limit)
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<YearRules> rules(int year) {
		return year(year).map(YearView::rules);
	}

	/**
	 * The version an editor starts from, for {@link #schedule}; null when the year does
	 * not exist.
	 */
	@Transactional(readOnly = true)
	public Integer version(int year) {
		return year(year).map(YearView::version).orElse(null);
	}

	@Transactional(readOnly = true)
	public List<Integer> years() {
		return List.copyOf(current().keySet());
	}

	/**
	 * Creates the year when it does not exist yet, else replaces its dates and rules.
	 * @param expectedVersion the version the editor started from (null: whatever is
	 * current); a different one means somebody else saved in between, and nothing is
	 * written
	 */
	@Transactional
	public void schedule(int year, Integer expectedVersion, Collection<PhaseWindow> windows, LocalDate ageCutoff,
			Map<String, LocalDate> zoningCutoffs, Actor by) {
		EnrollmentYear enrollmentYear = years.findById(year).orElseGet(() -> EnrollmentYear.create(year));
		if (expectedVersion != null && !expectedVersion.equals(enrollmentYear.version())) {
			throw new org.springframework.dao.OptimisticLockingFailureException(
					"Enrollment year " + year + " changed since version " + expectedVersion);
		}
		String before = (enrollmentYear.version() != null) ? enrollmentYear.summary() : null;
		enrollmentYear.reschedule(windows, ageCutoff, zoningCutoffs);
		years.save(enrollmentYear);
		events.publishEvent(new EnrollmentYearChanged(year, by, before, enrollmentYear.summary()));
	}

	/**
	 * R-Z4: a district sets (or, with null, removes) its multi-school cutoff for a year
	 * the city has set up; the rest of the year stays as it is.
	 * @return false when the city has not set up the year
	 */
	@Transactional
	public boolean setZoningCutoff(int year, String districtCode, LocalDate cutoff, Actor by) {
		var enrollmentYear = years.findById(year);
		if (enrollmentYear.isEmpty()) {
			return false;
		}
		String before = enrollmentYear.get().summary();
		if (enrollmentYear.get().changeZoningCutoff(districtCode, cutoff)) {
			years.save(enrollmentYear.get());
			events.publishEvent(new EnrollmentYearChanged(year, by, before, enrollmentYear.get().summary()));
		}
		return true;
	}

	private List<PhaseWindow> allWindows() {
		return current().values().stream().flatMap(y -> y.windows().stream()).toList();
	}

}
