package org.ruxue.app.zoning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.EnrollmentYearChanged;
import org.ruxue.app.calendar.YearRules;

import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The zone lookup's facade (R-Z1, R-Z3, R-Z4): from an address as a parent typed it to
 * ranked dictionary addresses with their school or schools. The dictionary is searched in
 * memory; every node rebuilds its index when the dictionary's version in the database
 * moves on, checked at most every {@link #RECHECK_MILLIS} ms, so lookups cost no database
 * round trip.
 */
@Service
public class ZoneLookup {

	static final long RECHECK_MILLIS = 2_000;

	private static final int LIMIT = 5;

	private final AddressDictionary dictionary;

	private final EnrollmentCalendar calendar;

	private final AdministrativeDivisions divisions = AdministrativeDivisions.beijing2023();

	private volatile Snapshot snapshot;

	private volatile long checkedAt;

	private final java.util.concurrent.locks.ReentrantLock rebuilding = new java.util.concurrent.locks.ReentrantLock();

	private final Map<Integer, Optional<YearRules>> rules = new ConcurrentHashMap<>();

	private volatile CachedYear currentYear;

	ZoneLookup(AddressDictionary dictionary, EnrollmentCalendar calendar) {
		this.dictionary = dictionary;
		this.calendar = calendar;
	}

	/**
	 * The open lookup: districts that switched on the identity-gated lookup (R-Z2) answer
	 * only through {@link GatedZoneLookup}.
	 */
	public ZoneLookupResult lookup(ZoneQuery query) {
		return lookup(query, false);
	}

	ZoneLookupResult lookup(ZoneQuery query, boolean includeGated) {
		TypedAddress typed = TypedAddress.parse(query.address(), divisions);
		Snapshot current = current();
		String district = (query.districtCode() != null) ? query.districtCode() : typed.districtCode();
		int thisYear = currentYear();
		List<ZoneCandidate> candidates = new ArrayList<>();
		for (AddressIndex.IndexHit hit : current.index()
			.search(typed, district, query.level(), query.year(), thisYear, LIMIT)) {
			if (includeGated || !current.gated().contains(hit.entry().districtCode())) {
				candidates.add(candidate(typed, hit, query.certificateDate(), current));
			}
		}
		DistrictContact contact = (candidates.isEmpty() && district != null) ? current.contacts().get(district) : null;
		return new ZoneLookupResult(query.address(), typed.core(), candidates, contact);
	}

	/**
	 * For a signed-in family's registration (R-P5): districts with the identity-gated
	 * lookup answer too, since the family is known and its registration is on record.
	 */
	public ZoneLookupResult lookupForRegistration(ZoneQuery query) {
		return lookup(query, true);
	}

	/** The districts that publish zones, for the lookup form. */
	public List<District> districtsWithZones() {
		Snapshot current = current();
		return divisions.districts()
			.stream()
			.filter(d -> current.index().effectiveYear(d.code(), currentYear()) != null)
			.toList();
	}

	/** The number of dictionary addresses held and the index's size, for operators. */
	public String indexSummary() {
		Snapshot current = current();
		return current.index().size() + " addresses, " + current.index().indexBytes() / 1024 + " KiB index";
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(ZoneDictionaryChanged changed) {
		checkedAt = 0;
	}

	/** The cutoffs and the current year come from the calendar: read them afresh. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(EnrollmentYearChanged changed) {
		rules.clear();
		currentYear = null;
	}

	private ZoneCandidate candidate(TypedAddress typed, AddressIndex.IndexHit hit, LocalDate certificateDate,
			Snapshot current) {
		DictionaryEntry entry = hit.entry();
		LocalDate cutoff = rules(entry.year()).flatMap(r -> r.zoningCutoff(entry.districtCode())).orElse(null);
		List<ZoningOutcome> outcomes = MultiSchoolZoningRule.apply(entry, cutoff, certificateDate);
		Integer lastUsed = null;
		Integer freeFrom = null;
		Integer interval = current.placeIntervals().get(entry.districtCode());
		if (interval != null && typed.homeKey() != null) {
			lastUsed = dictionary.lastPlaceYear(entry.districtCode(), typed.homeKey());
			if (lastUsed != null) {
				// a nine-year school keeps the home's place for the nine years of its
				// course
				boolean nineYear = entry.school().level() == SchoolLevel.NINE_YEAR;
				freeFrom = lastUsed + (nineYear ? Math.max(interval, 9) : interval);
			}
		}
		DistrictContact district = current.contacts().get(entry.districtCode());
		return new ZoneCandidate(entry.standardText(), entry.districtCode(),
				(district != null) ? district.districtName() : entry.districtCode(), entry.year(), entry.level(),
				entry.zoneName(), hit.kind(), hit.matchedText(), hit.differences(), typed.dropped(), outcomes, lastUsed,
				freeFrom);
	}

	private Optional<YearRules> rules(int year) {
		return rules.computeIfAbsent(year, calendar::rules);
	}

	private int currentYear() {
		CachedYear cached = currentYear;
		long now = System.currentTimeMillis();
		if (cached == null || now - cached.at() > RECHECK_MILLIS) {
			cached = new CachedYear(calendar.currentYear().orElse(calendar.today().getYear()), now);
			currentYear = cached;
		}
		return cached.year();
	}

	/**
	 * The index of the dictionary's current version. The version is read holding no lock,
	 * and one thread rebuilds while the others go on with the index they have: a monitor
	 * held while waiting for a database connection would otherwise meet registrations
	 * that hold a connection in their transaction and wait for the monitor, and every
	 * request would stop until the pool's timeout (the load benchmark's stalls at five
	 * times the families).
	 */
	private Snapshot current() {
		long now = System.currentTimeMillis();
		Snapshot current = snapshot;
		if (current != null && now - checkedAt < RECHECK_MILLIS) {
			return current;
		}
		long version = dictionary.version();
		if (current != null && current.version() == version) {
			// the calendar's cutoffs may have changed
			rules.clear();
			checkedAt = System.currentTimeMillis();
			return current;
		}
		if (current != null) {
			if (!rebuilding.tryLock()) {
				return current;
			}
		}
		else {
			rebuilding.lock();
		}
		try {
			Snapshot latest = snapshot;
			if (latest == null || latest.version() != version) {
				latest = new Snapshot(version, AddressIndex.build(dictionary.all(), divisions),
						Map.copyOf(dictionary.contacts()), Map.copyOf(dictionary.placeIntervals()),
						java.util.Set.copyOf(dictionary.gatedDistricts()));
				snapshot = latest;
			}
			rules.clear();
			checkedAt = System.currentTimeMillis();
			return latest;
		}
		finally {
			rebuilding.unlock();
		}
	}

	private record Snapshot(long version, AddressIndex index, Map<String, DistrictContact> contacts,
			Map<String, Integer> placeIntervals, java.util.Set<String> gated) {

	}

	private record CachedYear(int year, long at) {

	}

}
