package org.ruxue.app.primary;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.ApplicationFreezes;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.PhaseKind;
import org.ruxue.app.calendar.PhaseWindow;
import org.ruxue.app.calendar.YearRules;
import org.ruxue.app.identity.AccessPolicy;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.permits.StudyPermit;
import org.ruxue.app.permits.StudyPermits;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.population.InvalidIdCardNumberException;
import org.ruxue.app.population.SealedIdNumbers;
import org.ruxue.app.zoning.AdministrativeCodes;
import org.ruxue.app.zoning.Districts;
import org.ruxue.app.zoning.EntryLevel;
import org.ruxue.app.zoning.HomePlaces;
import org.ruxue.app.zoning.InvalidZoneQuery;
import org.ruxue.app.zoning.MatchKind;
import org.ruxue.app.zoning.SchoolLevel;
import org.ruxue.app.zoning.Schools;
import org.ruxue.app.zoning.ZoneCandidate;
import org.ruxue.app.zoning.ZoneLookup;
import org.ruxue.app.zoning.ZoneLookupResult;
import org.ruxue.app.zoning.ZoneQuery;
import org.ruxue.app.zoning.ZoneSchool;
import org.ruxue.app.zoning.ZoningOutcome;
import org.ruxue.app.zoning.ZoningRule;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Primary-entry registration (幼升小, R-P1..R-P14): a family registers its child in one
 * district through that district's entrance, the population register checks the
 * identities, the district reviews, the family prints the collection form, and a school
 * confirms acceptance. Every change is audited and told to the family.
 */
@Service
public class PrimaryRegistrations {

	static final String FORM_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private final JdbcClient jdbc;

	private final SealedIdNumbers sealed;

	private final EnrollmentCalendar calendar;

	private final ZoneLookup zones;

	private final HomePlaces homes;

	private final Districts districts;

	private final Schools schools;

	private final StudyPermits permits;

	private final FamilyAccounts families;

	private final AccessPolicy policy;

	private final PriorityCategories categories;

	private final ApplicationFreezes freezes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	PrimaryRegistrations(JdbcClient jdbc, SealedIdNumbers sealed, EnrollmentCalendar calendar, ZoneLookup zones,
			HomePlaces homes, Districts districts, Schools schools, StudyPermits permits, FamilyAccounts families,
			AccessPolicy policy, PriorityCategories categories, ApplicationFreezes freezes,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.sealed = sealed;
		this.calendar = calendar;
		this.zones = zones;
		this.homes = homes;
		this.districts = districts;
		this.schools = schools;
		this.permits = permits;
		this.families = families;
		this.policy = policy;
		this.categories = categories;
		this.freezes = freezes;
		this.events = events;
		this.clock = clock;
	}

	/** The year families register for now, if the calendar has one. */
	public Optional<Integer> currentYear() {
		return calendar.currentYear();
	}

	/** R-P1: the collection window of the year, if scheduled. */
	public Optional<PhaseWindow> window(int year) {
		return calendar.window(year, PhaseKind.PRIMARY_COLLECTION);
	}

	public boolean windowOpen(int year) {
		return calendar.isOpen(year, PhaseKind.PRIMARY_COLLECTION);
	}

	/**
	 * A family submits its child's registration in the district it chose (R-P6). The same
	 * idempotency key submitted again (a double click, a retry) returns the registration
	 * the first submission made.
	 * @throws RegistrationRefused with the fields at fault; nothing was written
	 */
	@Transactional
	public Registration submit(String districtCode, RegistrationForm form, SignedIn family) {
		if (family == null || family.role() != Role.PARENT) {
			throw new AccessDeniedException("Only a family registers its child");
		}
		return register(districtCode, form, family, false);
	}

	/**
	 * R-P3: a district office registers an over-age child on the family's behalf after
	 * its review, also after the window; recorded as registered by the district.
	 */
	@Transactional
	public Registration registerForFamily(String districtCode, RegistrationForm form, SignedIn officer) {
		requireOfficerOf(officer, districtCode);
		return register(districtCode, form, officer, true);
	}

	private Registration register(String districtCode, RegistrationForm form, SignedIn who, boolean byDistrict) {
		int year = currentYear()
			.orElseThrow(() -> new RegistrationRefused(FieldProblem.of("form", "primary.error.no-year")));
		if (districts.byCode(districtCode).isEmpty()) {
			throw new RegistrationRefused(FieldProblem.of("form", "primary.error.district"));
		}
		UUID key = idempotencyKey(form);
		Optional<Registration> earlier = byIdempotencyKey(key);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		requireNotFrozen(year, districtCode);
		Checked checked = check(districtCode, year, form, who, byDistrict);
		return insert(districtCode, year, key, checked, who, byDistrict);
	}

	/** What the form said, checked and read: everything {@link #insert} writes. */
	private record Checked(IdCardNumber child, String childName, Hukou hukou, String hukouDistrict, String hukouAddress,
			HomeTenure tenure, String certificateNumber, LocalDate certificateDate, HomeOwner owner, String address,
			ZoneCandidate candidate, ZoningOutcome outcome, String homeKey, StudyPermit permit,
			PriorityCategories.Category category, PriorityCategories.Inputs inputs, List<GuardianInput> guardians,
			AccountId familyAccount) {

	}

	private record GuardianInput(int position, String name, GuardianRelation relation, IdCardNumber idNumber,
			String mobile) {

	}

	private Checked check(String districtCode, int year, RegistrationForm form, SignedIn who, boolean byDistrict) {
		List<FieldProblem> problems = new ArrayList<>();
		String childName = required(form.getChildName(), "childName", 50, problems);
		IdCardNumber child = idNumber(form.getChildIdNumber(), "childIdNumber", problems);
		Hukou hukou = choice(Hukou.class, form.getHukouType(), "hukouType", problems);
		String hukouAddress = required(form.getHukouAddress(), "hukouAddress", 200, problems);
		String hukouDistrict = null;
		if (hukou != null && hukou.local()) {
			hukouDistrict = blankToNull(form.getHukouDistrict());
			if (hukouDistrict == null || districts.byCode(hukouDistrict).isEmpty()) {
				problems.add(FieldProblem.of("hukouDistrict", "primary.error.hukou-district"));
			}
		}
		HomeTenure tenure = choice(HomeTenure.class, form.getHomeTenure(), "homeTenure", problems);
		String certificateNumber = null;
		LocalDate certificateDate = null;
		HomeOwner owner = null;
		if (tenure == HomeTenure.OWNED) {
			certificateNumber = required(form.getCertificateNumber(), "certificateNumber", 60, problems);
			certificateDate = date(form.getCertificateDate(), "certificateDate", problems);
			owner = choice(HomeOwner.class, form.getOwner(), "owner", problems);
		}
		String address = required(form.getAddress(), "address", 200, problems);
		List<GuardianInput> guardians = guardians(form, problems);

		LocalDate birthDate = null;
		if (child != null) {
			birthDate = child.birthDate();
			if (!AdministrativeCodes.beijing().existsOrExisted(child.addressCode())) {
				problems.add(FieldProblem.of("childIdNumber", "primary.error.id-address-code", child.addressCode()));
			}
			if (who.role() == Role.PARENT && !families.isChildOf(who.id(), child)) {
				problems.add(FieldProblem.of("childIdNumber", "primary.error.not-your-child"));
			}
			if (birthDate.isAfter(calendar.today())) {
				problems.add(FieldProblem.of("childIdNumber", "id-number.invalid.birth-date"));
			}
		}
		// R-P1, R-P8: families register inside the window, or after it in a new district
		// once the old district cancelled their registration
		if (!byDistrict && !windowOpen(year) && (child == null || !cancelledByDistrictAfterWindow(child, year))) {
			problems.add(FieldProblem.of("form", "primary.error.window-closed",
					window(year).map(PhaseWindow::toString).orElse("-")));
		}
		YearRules rules = calendar.rules(year).orElseThrow();
		if (birthDate != null) {
			// R-P2: only children six by the cutoff; R-P3: over-age children through the
			// district office
			if (birthDate.isAfter(rules.ageCutoff())) {
				problems.add(FieldProblem.of("childIdNumber", "primary.error.too-young", rules.ageCutoff()));
			}
			else if (!byDistrict && overAge(birthDate, rules)) {
				problems.add(FieldProblem.of("childIdNumber", "primary.error.over-age", overAgeCutoff(rules)));
			}
		}
		if (!problems.isEmpty()) {
			throw new RegistrationRefused(problems, List.of());
		}

		// R-P7: a non-local child registers only in the district that issued its permit
		StudyPermit permit = null;
		if (!hukou.local()) {
			permit = permits.valid(child, districtCode, year).orElse(null);
			if (permit == null) {
				throw new RegistrationRefused(FieldProblem.of("hukouType", "primary.error.no-permit",
						districts.byCode(districtCode).orElseThrow().name()));
			}
		}
		// R-P4: one active registration per child, city-wide (also a database constraint)
		Optional<Registration> active = activeOf(child, year);
		if (active.isPresent()) {
			throw new RegistrationRefused(FieldProblem.of("form", "primary.error.already-registered",
					districts.byCode(active.get().districtCode()).orElseThrow().name(), active.get().number()));
		}

		// R-P5: the address is chosen through the zone lookup, in this district only
		ZoneCandidate candidate = zoneCandidate(districtCode, year, address, form.getAddressChoice(), certificateDate);
		ZoningOutcome outcome = outcome(candidate);
		String homeKey = homeKey(address);

		PriorityCategories.Inputs inputs = inputs(districtCode, year, hukou, hukouDistrict, hukouAddress, tenure, owner,
				candidate, homeKey);
		PriorityCategories.Category category = categories.classify(districtCode, inputs);
		AccountId account = (who.role() == Role.PARENT) ? who.id() : families.ofChild(child).orElse(null);
		return new Checked(child, childName, hukou, hukouDistrict, hukouAddress, tenure, certificateNumber,
				certificateDate, owner, address, candidate, outcome, homeKey, permit, category, inputs, guardians,
				account);
	}

	private ZoneCandidate zoneCandidate(String districtCode, int year, String address, String choice,
			LocalDate certificateDate) {
		ZoneLookupResult result;
		try {
			result = zones
				.lookupForRegistration(new ZoneQuery(address, districtCode, EntryLevel.PRIMARY, certificateDate, year));
		}
		catch (InvalidZoneQuery ex) {
			throw new RegistrationRefused(FieldProblem.of("address", ex.messageKey()));
		}
		if (!result.found()) {
			throw new RegistrationRefused(FieldProblem.of("address", "primary.error.address-not-found",
					districts.byCode(districtCode).orElseThrow().name()));
		}
		List<ZoneCandidate> candidates = result.candidates();
		if (choice != null && !choice.isBlank()) {
			Optional<ZoneCandidate> chosen = candidates.stream().filter(c -> c.address().equals(choice)).findFirst();
			if (chosen.isPresent()) {
				return chosen.get();
			}
		}
		ZoneCandidate best = candidates.get(0);
		boolean certain = (best.match() == MatchKind.EXACT || best.match() == MatchKind.ALIAS)
				&& candidates.stream().filter(c -> c.match() == best.match()).count() == 1;
		if (certain) {
			return best;
		}
		throw new RegistrationRefused(List.of(FieldProblem.of("address", "primary.error.address-choose")), candidates);
	}

	/**
	 * The rule that applies: with a certificate date the lookup gives one outcome;
	 * without one (a rented home) the home has no certificate on or before the cutoff, so
	 * a multi-school zone's lottery set applies (R-Z4).
	 */
	private static ZoningOutcome outcome(ZoneCandidate candidate) {
		List<ZoningOutcome> outcomes = candidate.outcomes();
		if (outcomes.size() == 1) {
			return outcomes.get(0);
		}
		return outcomes.stream()
			.filter(o -> o.rule() != ZoningRule.ON_OR_BEFORE_CUTOFF)
			.findFirst()
			.orElse(outcomes.get(0));
	}

	private String homeKey(String address) {
		try {
			return homes.homeKey(address).orElse(address.strip());
		}
		catch (InvalidZoneQuery ex) {
			return address.strip();
		}
	}

	private PriorityCategories.Inputs inputs(String districtCode, int year, Hukou hukou, String hukouDistrict,
			String hukouAddress, HomeTenure tenure, HomeOwner owner, ZoneCandidate candidate, String homeKey) {
		boolean hukouInZone = false;
		if (hukou.local() && districtCode.equals(hukouDistrict)) {
			try {
				ZoneLookupResult hukouZone = zones
					.lookupForRegistration(new ZoneQuery(hukouAddress, districtCode, EntryLevel.PRIMARY, null, year));
				hukouInZone = hukouZone.found() && hukouZone.candidates().get(0).zone().equals(candidate.zone())
						&& hukouZone.candidates().get(0).match() != MatchKind.SIMILAR;
			}
			catch (InvalidZoneQuery ex) {
				hukouInZone = false;
			}
		}
		String property = (tenure == HomeTenure.OWNED) ? owner.name() : "NONE";
		String note = null;
		// 六年一学位: a home that supplied a place within the district's interval does not
		// count as property for this child
		Optional<Integer> interval = homes.interval(districtCode);
		if (tenure == HomeTenure.OWNED && interval.isPresent()) {
			Optional<Integer> used = homes.lastUseBefore(districtCode, homeKey, year);
			boolean nineYear = outcome(candidate).schools().stream().anyMatch(s -> s.level() == SchoolLevel.NINE_YEAR);
			int years = nineYear ? Math.max(interval.get(), 9) : interval.get();
			if (used.isPresent() && year - used.get() < years) {
				property = "NONE";
				note = "home-used-in=" + used.get() + ", free-from=" + (used.get() + years);
			}
		}
		return new PriorityCategories.Inputs(hukou.local(), hukouInZone, property, note);
	}

	private Registration insert(String districtCode, int year, UUID key, Checked c, SignedIn who, boolean byDistrict) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		long sequence = jdbc.sql("select nextval('primary_registration_number_seq')").query(Long.class).single();
		String number = year + "-" + districtCode + "-" + String.format("%06d", sequence);
		List<String> schoolCodes = c.outcome().schools().stream().map(ZoneSchool::code).toList();
		try {
			int inserted = jdbc.sql("""
					insert into primary_registration (id, number, year, district_code, family_account, registered_by,
					  idempotency_key, child_id_hash, child_id_sealed, child_name, sex, birth_date, hukou_type,
					  hukou_district_code, hukou_address, home_tenure, certificate_number, certificate_date, owner,
					  residence_address, zone_name, zone_schools, zoning_rule, home_key, study_permit_number,
					  category_position, category_label, category_inputs, status, verification, verify_after,
					  form_code, submitted_at, changed_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
					  'SUBMITTED', 'PENDING', ?, ?, ?, ?)
					on conflict (idempotency_key) do nothing
					""")
				.params(id, number, year, districtCode, (c.familyAccount() != null) ? c.familyAccount().value() : null,
						byDistrict ? "DISTRICT" : "FAMILY", key, sealed.lookupHash(c.child()), sealed.seal(c.child()),
						c.childName(), c.child().isMale() ? "MALE" : "FEMALE", c.child().birthDate(), c.hukou().name(),
						c.hukouDistrict(), c.hukouAddress(), c.tenure().name(), c.certificateNumber(),
						c.certificateDate(), (c.owner() != null) ? c.owner().name() : null, c.address(),
						c.candidate().zone(), String.join(",", schoolCodes), c.outcome().rule().name(), c.homeKey(),
						(c.permit() != null) ? c.permit().number() : null, c.category().position(),
						c.category().label(), c.inputs().describe(), Timestamp.from(now), newFormCode(),
						Timestamp.from(now), Timestamp.from(now))
				.update();
			if (inserted == 0) {
				// the same submission, committed by another request meanwhile
				return byIdempotencyKey(key).orElseThrow();
			}
		}
		catch (DuplicateKeyException ex) {
			// R-P4: another submission for the child won the race, on this node or
			// another
			throw new RegistrationRefused(FieldProblem.of("form", "primary.error.already-registered-race"));
		}
		for (GuardianInput g : c.guardians()) {
			jdbc.sql("""
					insert into primary_guardian (registration_id, position, name, relation, id_sealed, mobile)
					values (?, ?, ?, ?, ?, ?)
					""")
				.params(id, g.position(), g.name(), g.relation().name(), sealed.seal(g.idNumber()), g.mobile())
				.update();
		}
		Registration registration = byId(new RegistrationId(id)).orElseThrow();
		publish(registration, "submitted", null,
				byDistrict ? new Actor(who.username(), who.role().name(), "family") : actor(who),
				List.of("R-P4", "R-P5", "R-P6", byDistrict ? "R-P3" : "R-P1"));
		return registration;
	}

	private String newFormCode() {
		StringBuilder code = new StringBuilder(9);
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				code.append('-');
			}
			code.append(FORM_CODE_ALPHABET.charAt(random.nextInt(FORM_CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	/** R-P3: born on or before this day is over-age, a year older than the cohort. */
	static LocalDate overAgeCutoff(YearRules rules) {
		return rules.ageCutoff().minusYears(1);
	}

	static boolean overAge(LocalDate birthDate, YearRules rules) {
		return !birthDate.isAfter(overAgeCutoff(rules));
	}

	private boolean cancelledByDistrictAfterWindow(IdCardNumber child, int year) {
		Optional<PhaseWindow> window = window(year);
		if (window.isEmpty()) {
			return false;
		}
		Instant closed = window.get().closesAt(clock.getZone());
		return jdbc.sql("""
				select count(*) from primary_registration
				where child_id_hash = ? and year = ? and status = 'CANCELLED' and status_reason like 'district:%'
				  and changed_at >= ?
				""").params(sealed.lookupHash(child), year, Timestamp.from(closed)).query(Long.class).single() > 0;
	}

	// --- the family's view

	/** The family's registrations of the current year, newest first. */
	@Transactional(readOnly = true)
	public List<Registration> ofFamily(SignedIn family) {
		return jdbc.sql("select * from primary_registration where family_account = ? order by submitted_at desc")
			.param(family.id().value())
			.query(this::registration)
			.list();
	}

	/** One registration for its family, or for staff within their scope (audited). */
	@Transactional
	public Registration open(RegistrationId id, String purpose, SignedIn who) {
		Registration registration = byId(id)
			.orElseThrow(() -> new java.util.NoSuchElementException("No such registration"));
		if (who.role() == Role.SCHOOL_STAFF) {
			requireSchoolOf(who, registration);
		}
		else {
			policy.require(who, registration.scope());
		}
		if (who.role() != Role.PARENT) {
			events.publishEvent(new RegistrationOpened(id.toString(), purpose, actor(who)));
		}
		return registration;
	}

	/**
	 * R-P8, R-P9: the family cancels inside the window; after it only the original
	 * district does. Impossible once a school confirmed acceptance. The printed form
	 * becomes void.
	 */
	@Transactional
	public Registration cancel(RegistrationId id, int expectedVersion, String reason, SignedIn who) {
		Registration r = open(id, "cancel", who);
		String why = reasonOrRefuse(reason);
		String stored = (who.role() == Role.PARENT ? "family: " : "district: ") + why;
		if (repeated(r, expectedVersion, RegistrationStatus.CANCELLED, stored)) {
			return r;
		}
		if (r.status() == RegistrationStatus.ACCEPTED) {
			throw new RegistrationRefused(FieldProblem.of("form", "primary.error.cancel-accepted"));
		}
		if (!r.status().active()) {
			throw new RegistrationRefused(FieldProblem.of("form", "primary.error.not-active"));
		}
		if (who.role() == Role.PARENT && !windowOpen(r.year())) {
			throw new RegistrationRefused(FieldProblem.of("form", "primary.error.cancel-after-window",
					districts.byCode(r.districtCode()).orElseThrow().name()));
		}
		if (who.role() != Role.PARENT) {
			requireOfficerOf(who, r.districtCode());
		}
		change(r, expectedVersion, RegistrationStatus.CANCELLED, stored, "cancelled", who, List.of("R-P8", "R-P9"));
		return byId(id).orElseThrow();
	}

	// --- the district's review

	/** What the review queue filters by; null fields do not filter. */
	public record QueueFilter(RegistrationStatus status, Integer category, IdentityCheck check, String zone,
			Boolean problem) {

	}

	/** A line of the review queue: masked. */
	public record QueueLine(RegistrationId id, String number, String maskedName, String zone, int category,
			RegistrationStatus status, IdentityCheck check, boolean problem, String registeredBy, Instant submittedAt) {

	}

	@Transactional
	public List<QueueLine> queue(String districtCode, int year, QueueFilter filter, int limit, SignedIn officer) {
		requireOfficerOf(officer, districtCode);
		StringBuilder sql = new StringBuilder(
				"select * from primary_registration where district_code = :district and year = :year");
		Map<String, Object> params = new java.util.HashMap<>(Map.of("district", districtCode, "year", year));
		if (filter.status() != null) {
			sql.append(" and status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.category() != null) {
			sql.append(" and category_position = :category");
			params.put("category", filter.category());
		}
		if (filter.check() != null) {
			sql.append(" and verification = :check");
			params.put("check", filter.check().name());
		}
		if (filter.zone() != null && !filter.zone().isBlank()) {
			sql.append(" and zone_name = :zone");
			params.put("zone", filter.zone().strip());
		}
		if (Boolean.TRUE.equals(filter.problem())) {
			sql.append(" and problem_report is not null");
		}
		sql.append(" order by submitted_at, number limit :limit");
		params.put("limit", limit);
		List<QueueLine> lines = jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new QueueLine(new RegistrationId(rs.getObject("id", UUID.class)), rs.getString("number"),
					Registration.maskName(rs.getString("child_name")), rs.getString("zone_name"),
					rs.getInt("category_position"), RegistrationStatus.valueOf(rs.getString("status")),
					IdentityCheck.valueOf(rs.getString("verification")), rs.getString("problem_report") != null,
					rs.getString("registered_by"), rs.getTimestamp("submitted_at").toInstant()))
			.list();
		events.publishEvent(new RegistrationOpened("district:" + districtCode + ":" + year,
				"review queue, " + lines.size() + " lines", actor(officer)));
		return lines;
	}

	/**
	 * The registration awaiting the district's decision that follows this one in the
	 * queue's order (submitted, then number), or the queue's first when none follows: the
	 * review page's "next" (issue 12), so that an officer works through the queue without
	 * going back to it. Only an id, which the page's own access check then reads.
	 */
	@Transactional(readOnly = true)
	public Optional<RegistrationId> nextToReview(Registration current, SignedIn officer) {
		requireOfficerOf(officer, current.districtCode());
		return jdbc.sql("""
				select r.id from primary_registration r, primary_registration c
				where c.id = :current and r.district_code = c.district_code and r.year = c.year
				  and r.status = 'SUBMITTED' and r.id <> c.id
				order by (r.submitted_at, r.number) < (c.submitted_at, c.number), r.submitted_at, r.number
				limit 1
				""")
			.param("current", current.id().value())
			.query((rs, n) -> new RegistrationId(rs.getObject(1, UUID.class)))
			.optional();
	}

	/** The zones the district's registrations are in, for the queue's filter. */
	@Transactional(readOnly = true)
	public List<String> zonesOf(String districtCode, int year) {
		return jdbc.sql("""
				select distinct zone_name from primary_registration where district_code = ? and year = ? order by 1
				""").params(districtCode, year).query(String.class).list();
	}

	/** The district's registrations in full for its export; the read is on the record. */
	@Transactional
	public List<Registration> export(String districtCode, int year, SignedIn officer) {
		requireOfficerOf(officer, districtCode);
		List<Registration> all = jdbc
			.sql("select * from primary_registration where district_code = ? and year = ? order by number")
			.params(districtCode, year)
			.query(this::registration)
			.list();
		events.publishEvent(new RegistrationOpened("district:" + districtCode + ":" + year,
				"export, " + all.size() + " rows", actor(officer)));
		return all;
	}

	/** The district approves a verified registration; 六年一学位 records the home's use. */
	@Transactional
	public Registration approve(RegistrationId id, int expectedVersion, SignedIn officer) {
		Registration r = reviewedBy(id, officer);
		if (repeated(r, expectedVersion, RegistrationStatus.APPROVED, null)) {
			return r;
		}
		requireReviewable(r);
		if (r.check() != IdentityCheck.VERIFIED) {
			throw new RegistrationRefused(FieldProblem.of("form", "primary.error.not-verified"));
		}
		if (!change(r, expectedVersion, RegistrationStatus.APPROVED, null, "approved", officer, List.of("R-P6"))) {
			return byId(id).orElseThrow();
		}
		if (r.tenure() == HomeTenure.OWNED && !r.categoryInputs().contains("home-used-in")
				&& homes.interval(r.districtCode()).isPresent()) {
			homes.recordUse(r.districtCode(), r.homeKey(), r.year(), SchoolLevel.PRIMARY);
		}
		return byId(id).orElseThrow();
	}

	/** The district returns it for correction: the family cancels and registers again. */
	@Transactional
	public Registration returnForCorrection(RegistrationId id, int expectedVersion, String reason, SignedIn officer) {
		Registration r = reviewedBy(id, officer);
		String why = reasonOrRefuse(reason);
		if (repeated(r, expectedVersion, RegistrationStatus.RETURNED, why)) {
			return r;
		}
		requireReviewable(r);
		change(r, expectedVersion, RegistrationStatus.RETURNED, why, "returned", officer, List.of("R-P8"));
		return byId(id).orElseThrow();
	}

	@Transactional
	public Registration reject(RegistrationId id, int expectedVersion, String reason, SignedIn officer) {
		Registration r = reviewedBy(id, officer);
		String why = reasonOrRefuse(reason);
		if (repeated(r, expectedVersion, RegistrationStatus.REJECTED, why)) {
			return r;
		}
		requireReviewable(r);
		change(r, expectedVersion, RegistrationStatus.REJECTED, why, "rejected", officer, List.of("R-P11"));
		return byId(id).orElseThrow();
	}

	private Registration reviewedBy(RegistrationId id, SignedIn officer) {
		Registration r = open(id, "review", officer);
		requireOfficerOf(officer, r.districtCode());
		return r;
	}

	private static void requireReviewable(Registration r) {
		if (r.status() != RegistrationStatus.SUBMITTED && r.status() != RegistrationStatus.APPROVED) {
			throw new RegistrationRefused(FieldProblem.of("form", "primary.error.not-reviewable"));
		}
	}

	// --- the school's confirmation

	/**
	 * What school staff see for a form's code: whether the form is genuine and current.
	 */
	public record FormCheck(Registration registration, boolean current) {

	}

	/**
	 * School staff type or scan the code printed on the form. The registration is shown
	 * (masked, audited) with whether the form is current; a voided form verifies as void.
	 */
	@Transactional
	public Optional<FormCheck> checkForm(String code, SignedIn staff) {
		String normal = normalCode(code);
		if (normal == null) {
			return Optional.empty();
		}
		Optional<Registration> found = jdbc.sql("select * from primary_registration where form_code = ?")
			.param(normal)
			.query(this::registration)
			.optional();
		if (found.isEmpty() || !mayConfirm(staff, found.get())) {
			return Optional.empty();
		}
		Registration r = open(found.get().id(), "form check", staff);
		return Optional.of(new FormCheck(r, r.formValid()));
	}

	/** R-P8: confirming acceptance closes the family's own cancellation. */
	@Transactional
	public Registration accept(RegistrationId id, int expectedVersion, SignedIn staff) {
		Registration r = open(id, "accept", staff);
		if (repeated(r, expectedVersion, RegistrationStatus.ACCEPTED, staff.schoolCode())) {
			return r;
		}
		if (r.status() != RegistrationStatus.APPROVED || !r.formValid()) {
			throw new RegistrationRefused(FieldProblem.of("form", "primary.error.not-acceptable"));
		}
		change(r, expectedVersion, RegistrationStatus.ACCEPTED, staff.schoolCode(), "accepted", staff,
				List.of("R-P6", "R-P8"));
		return byId(id).orElseThrow();
	}

	/** School staff report a problem with a registration to its district. */
	@Transactional
	public Registration reportProblem(RegistrationId id, int expectedVersion, String problem, SignedIn staff) {
		Registration r = open(id, "report problem", staff);
		String text = reasonOrRefuse(problem);
		String report = staff.schoolCode() + ": " + text;
		if (r.version() > expectedVersion && report.equals(r.problemReport())) {
			return r; // the same report, sent again
		}
		int updated = jdbc.sql("""
				update primary_registration set problem_report = ?, changed_at = ?, version = version + 1
				where id = ? and version = ?
				""").params(report, Timestamp.from(clock.instant()), id.value(), expectedVersion).update();
		if (updated == 0) {
			throw new RegistrationRefused(FieldProblem.of("form", "primary.error.changed-meanwhile"));
		}
		publish(r, "problem-reported", text, actor(staff), List.of("R-G9"));
		return byId(id).orElseThrow();
	}

	/** School staff confirm at schools of the registration's district. */
	private boolean mayConfirm(SignedIn staff, Registration r) {
		if (staff.role() != Role.SCHOOL_STAFF) {
			return policy.permits(staff, r.scope());
		}
		return staff.schoolCode() != null
				&& schools.byCode(staff.schoolCode()).map(s -> s.districtCode().equals(r.districtCode())).orElse(false);
	}

	private void requireSchoolOf(SignedIn staff, Registration r) {
		if (!mayConfirm(staff, r)) {
			throw new AccessDeniedException("Not a school of the registration's district");
		}
	}

	static String normalCode(String code) {
		if (code == null) {
			return null;
		}
		String plain = java.text.Normalizer.normalize(code, java.text.Normalizer.Form.NFKC)
			.toUpperCase(java.util.Locale.ROOT)
			.replaceAll("[^0-9A-Z]", "");
		if (plain.length() != 8) {
			return null;
		}
		return plain.substring(0, 4) + "-" + plain.substring(4);
	}

	// --- the identity check (R-P11), used by IdentityChecks

	/**
	 * Registrations whose check is due, claimed for a while so no other node takes them.
	 */
	@Transactional
	List<Registration> claimDueChecks(Instant now, int limit, java.time.Duration lease) {
		List<UUID> ids = jdbc.sql("""
				select id from primary_registration
				where verification = 'PENDING' and status not in ('CANCELLED', 'REJECTED') and verify_after <= ?
				order by verify_after limit ? for update skip locked
				""").params(Timestamp.from(now), limit).query(UUID.class).list();
		for (UUID id : ids) {
			jdbc.sql("update primary_registration set verify_after = ? where id = ?")
				.params(Timestamp.from(now.plus(lease)), id)
				.update();
		}
		return ids.stream().map(id -> byId(new RegistrationId(id)).orElseThrow()).toList();
	}

	/**
	 * The register answered: verified, or the first field that did not match. Recorded
	 * once: a second node that checked the same registration meanwhile changes nothing.
	 */
	@Transactional
	void recordCheck(RegistrationId id, String mismatchField) {
		IdentityCheck result = (mismatchField == null) ? IdentityCheck.VERIFIED : IdentityCheck.MISMATCH;
		int updated = jdbc.sql("""
				update primary_registration
				set verification = ?, mismatch_field = ?, verify_attempts = verify_attempts + 1, changed_at = ?,
				    version = version + 1
				where id = ? and verification = 'PENDING'
				""").params(result.name(), mismatchField, Timestamp.from(clock.instant()), id.value()).update();
		if (updated == 1) {
			publish(byId(id).orElseThrow(), (mismatchField == null) ? "verified" : "mismatch", mismatchField,
					Actor.SYSTEM, List.of("R-P11"));
		}
	}

	/** The register could not answer: asked again later; nothing is lost. */
	@Transactional
	void postponeCheck(RegistrationId id, Instant retryAt) {
		jdbc.sql("""
				update primary_registration set verify_attempts = verify_attempts + 1, verify_after = ?
				where id = ? and verification = 'PENDING'
				""").params(Timestamp.from(retryAt), id.value()).update();
	}

	// --- permits (R-P7)

	/** A revoked permit flags the registration that depended on it to its district. */
	@Transactional
	void flagRevokedPermit(String permitNumber, String reason) {
		List<Registration> affected = jdbc
			.sql("""
					select * from primary_registration where study_permit_number = ? and status not in ('CANCELLED', 'REJECTED')
					""")
			.param(permitNumber)
			.query(this::registration)
			.list();
		for (Registration r : affected) {
			jdbc.sql(
					"""
							update primary_registration set problem_report = ?, changed_at = ?, version = version + 1 where id = ?
							""")
				.params("permit revoked: " + reason, Timestamp.from(clock.instant()), r.id().value())
				.update();
			publish(r, "permit-revoked", reason, Actor.SYSTEM, List.of("R-P7"));
		}
	}

	// --- shared

	/**
	 * The same decision sent again: the form's version is behind, and the change made
	 * since is exactly the one asked for (the first answer was lost, or a double click).
	 * It is answered as done, and recorded once.
	 */
	private static boolean repeated(Registration r, int expectedVersion, RegistrationStatus next, String reason) {
		return r.version() > expectedVersion && r.status() == next && Objects.equals(r.statusReason(), reason);
	}

	/**
	 * @return false when the same change was made meanwhile by the same decision sent
	 * twice at once (nothing more to record)
	 */
	private boolean change(Registration r, int expectedVersion, RegistrationStatus next, String reason, String action,
			SignedIn who, List<String> rules) {
		if (next != RegistrationStatus.ACCEPTED) {
			requireNotFrozen(r.year(), r.districtCode());
		}
		int updated = jdbc.sql("""
				update primary_registration set status = ?, status_reason = ?, changed_at = ?, version = version + 1
				where id = ? and version = ?
				""")
			.params(next.name(), reason, Timestamp.from(clock.instant()), r.id().value(), expectedVersion)
			.update();
		if (updated == 0) {
			if (repeated(byId(r.id()).orElseThrow(), expectedVersion, next, reason)) {
				return false;
			}
			throw new RegistrationRefused(FieldProblem.of("form", "primary.error.changed-meanwhile"));
		}
		publish(byId(r.id()).orElseThrow(), action, reason, actor(who), rules);
		return true;
	}

	/**
	 * R-Z4: once the city froze the district's registrations into a lottery snapshot,
	 * nothing that changes who is in the draw, or with what, may happen. A school's
	 * confirmation of acceptance keeps the registration in the draw as it was, so it is
	 * still allowed.
	 */
	private void requireNotFrozen(int year, String districtCode) {
		if (freezes.frozen(year, PhaseKind.PRIMARY_COLLECTION, districtCode)) {
			throw new RegistrationRefused(FieldProblem.of("form", "primary.error.frozen"));
		}
	}

	/**
	 * A registration in the district's draw (R-Z4, R-P5): approved or accepted, its
	 * identity verified; its zone's school or lottery set, and its priority category.
	 */
	public record DrawApplicant(RegistrationId id, String number, String districtCode, List<String> zoneSchoolCodes,
			int categoryPosition, String categoryLabel) {

		public DrawApplicant {
			zoneSchoolCodes = List.copyOf(zoneSchoolCodes);
		}

	}

	/**
	 * The registrations of the district and year that take part in the placement: the
	 * active ones the district approved (or a school accepted) with a verified identity.
	 * Registrations still under review, returned or refused take no part.
	 */
	@Transactional(readOnly = true)
	public List<DrawApplicant> inDraw(String districtCode, int year) {
		return jdbc.sql("""
				select id, number, district_code, zone_schools, category_position, category_label
				from primary_registration
				where district_code = ? and year = ? and status in ('APPROVED', 'ACCEPTED')
				  and verification = 'VERIFIED'
				order by number
				""")
			.params(districtCode, year)
			.query((rs, n) -> new DrawApplicant(new RegistrationId(rs.getObject("id", UUID.class)),
					rs.getString("number"), rs.getString("district_code"),
					Arrays.asList(rs.getString("zone_schools").split(",")), rs.getInt("category_position"),
					rs.getString("category_label")))
			.list();
	}

	/**
	 * A child admitted through the placement, as the admission needs it to tell the
	 * family and hand the new pupil to the student registry (R-G3, R-P12): no staff
	 * member reads it, so it is not an audited read.
	 */
	public record Enrollee(RegistrationId id, String number, String districtCode, AccountId familyAccount,
			String childName, String sex, LocalDate birthDate, IdCardNumber childIdNumber, String guardianMobile) {

	}

	@Transactional(readOnly = true)
	public Map<RegistrationId, Enrollee> enrollees(Collection<RegistrationId> ids) {
		Map<RegistrationId, Enrollee> found = new HashMap<>();
		List<UUID> keys = ids.stream().map(RegistrationId::value).toList();
		for (int from = 0; from < keys.size(); from += 1000) {
			jdbc.sql("""
					select r.id, r.number, r.district_code, r.family_account, r.child_name, r.sex, r.birth_date,
					  r.child_id_sealed, (select g.mobile from primary_guardian g where g.registration_id = r.id
					                      order by g.position limit 1) as mobile
					from primary_registration r where r.id in (:ids)
					""")
				.param("ids", keys.subList(from, Math.min(keys.size(), from + 1000)))
				.query((rs, n) -> new Enrollee(new RegistrationId(rs.getObject("id", UUID.class)),
						rs.getString("number"), rs.getString("district_code"),
						(rs.getObject("family_account") != null)
								? new AccountId(rs.getObject("family_account", UUID.class)) : null,
						rs.getString("child_name"), rs.getString("sex"), rs.getObject("birth_date", LocalDate.class),
						sealed.open(rs.getBytes("child_id_sealed")), rs.getString("mobile")))
				.list()
				.forEach(e -> found.put(e.id(), e));
		}
		return found;
	}

	/** How many registrations of the district and year still wait for the review. */
	@Transactional(readOnly = true)
	public int undecided(String districtCode, int year) {
		return jdbc.sql("""
				select count(*) from primary_registration
				where district_code = ? and year = ? and (status = 'SUBMITTED'
				  or (status in ('APPROVED', 'ACCEPTED') and verification <> 'VERIFIED'))
				""").params(districtCode, year).query(Integer.class).single();
	}

	private void publish(Registration r, String action, String reason, Actor by, List<String> rules) {
		String mobile = null;
		String inbox = null;
		if (r.familyAccount() != null) {
			Optional<FamilyAccounts.Contact> contact = families.contact(r.familyAccount());
			inbox = contact.map(FamilyAccounts.Contact::username).orElse(null);
			mobile = contact.map(FamilyAccounts.Contact::mobile).map(MobileNumber::value).orElse(null);
		}
		if (mobile == null && !r.guardians().isEmpty()) {
			mobile = r.guardians().get(0).mobile();
		}
		events.publishEvent(
				new RegistrationEvent(r.id(), r.number(), action, r.status(), reason, rules, by, mobile, inbox));
	}

	private static Actor actor(SignedIn who) {
		return Actor.of(who.username(), who.role().name());
	}

	private static void requireOfficerOf(SignedIn who, String districtCode) {
		boolean officer = who != null && (who.role() == Role.CITY_ADMIN
				|| (who.role() == Role.DISTRICT_OFFICER && districtCode.equals(who.districtCode())));
		if (!officer) {
			throw new AccessDeniedException("Not an officer of district " + districtCode);
		}
	}

	private static String reasonOrRefuse(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new RegistrationRefused(FieldProblem.of("reason", "primary.error.reason"));
		}
		if (reason.strip().length() > 500) {
			throw new RegistrationRefused(FieldProblem.of("reason", "primary.error.too-long", 500));
		}
		return reason.strip();
	}

	@Transactional(readOnly = true)
	public Optional<Registration> activeOf(IdCardNumber child, int year) {
		return jdbc.sql("""
				select * from primary_registration
				where child_id_hash = ? and year = ? and status not in ('CANCELLED', 'REJECTED')
				""").params(sealed.lookupHash(child), year).query(this::registration).optional();
	}

	Optional<Registration> byId(RegistrationId id) {
		return jdbc.sql("select * from primary_registration where id = ?")
			.param(id.value())
			.query(this::registration)
			.optional();
	}

	private Optional<Registration> byIdempotencyKey(UUID key) {
		return jdbc.sql("select * from primary_registration where idempotency_key = ?")
			.param(key)
			.query(this::registration)
			.optional();
	}

	private Registration registration(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<Registration.Guardian> guardians = jdbc
			.sql("select * from primary_guardian where registration_id = ? order by position")
			.param(id)
			.query((g, n) -> new Registration.Guardian(g.getInt("position"), g.getString("name"),
					GuardianRelation.valueOf(g.getString("relation")), sealed.open(g.getBytes("id_sealed")),
					g.getString("mobile")))
			.list();
		UUID account = rs.getObject("family_account", UUID.class);
		java.sql.Date certificate = rs.getDate("certificate_date");
		String owner = rs.getString("owner");
		return new Registration(new RegistrationId(id), rs.getString("number"), rs.getInt("year"),
				rs.getString("district_code"), (account != null) ? new AccountId(account) : null,
				rs.getString("registered_by"), sealed.open(rs.getBytes("child_id_sealed")), rs.getString("child_name"),
				rs.getString("sex"), rs.getDate("birth_date").toLocalDate(), Hukou.valueOf(rs.getString("hukou_type")),
				rs.getString("hukou_district_code"), rs.getString("hukou_address"),
				HomeTenure.valueOf(rs.getString("home_tenure")), rs.getString("certificate_number"),
				(certificate != null) ? certificate.toLocalDate() : null,
				(owner != null) ? HomeOwner.valueOf(owner) : null, rs.getString("residence_address"),
				rs.getString("zone_name"), Arrays.asList(rs.getString("zone_schools").split(",")),
				rs.getString("zoning_rule"), rs.getString("home_key"), rs.getString("study_permit_number"),
				rs.getInt("category_position"), rs.getString("category_label"), rs.getString("category_inputs"),
				RegistrationStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
				IdentityCheck.valueOf(rs.getString("verification")), rs.getString("mismatch_field"),
				rs.getString("form_code"), rs.getString("problem_report"), rs.getTimestamp("submitted_at").toInstant(),
				rs.getTimestamp("changed_at").toInstant(), rs.getInt("version"), rs.getInt("verify_attempts"),
				guardians);
	}

	// --- reading the form's fields

	private static UUID idempotencyKey(RegistrationForm form) {
		try {
			return UUID.fromString(form.getIdempotencyKey());
		}
		catch (RuntimeException ex) {
			// a form without its key (an old page): a new submission
			return UUID.randomUUID();
		}
	}

	private static String required(String text, String field, int max, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(FieldProblem.of(field, "primary.error.required"));
			return null;
		}
		String stripped = java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFKC);
		if (stripped.length() > max) {
			problems.add(FieldProblem.of(field, "primary.error.too-long", max));
			return null;
		}
		return stripped;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static IdCardNumber idNumber(String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(FieldProblem.of(field, "primary.error.required"));
			return null;
		}
		try {
			return IdCardNumber.parse(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC));
		}
		catch (InvalidIdCardNumberException ex) {
			problems.add(FieldProblem.of(field,
					"id-number.invalid." + ex.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
			return null;
		}
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(FieldProblem.of(field, "primary.error.required"));
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(FieldProblem.of(field, "primary.error.choice"));
			return null;
		}
	}

	private LocalDate date(String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(FieldProblem.of(field, "primary.error.required"));
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text.strip());
			if (date.isAfter(calendar.today())) {
				problems.add(FieldProblem.of(field, "primary.error.future-date"));
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldProblem.of(field, "primary.error.date"));
			return null;
		}
	}

	private static List<GuardianInput> guardians(RegistrationForm form, List<FieldProblem> problems) {
		List<GuardianInput> guardians = new ArrayList<>();
		GuardianInput first = guardian(1, form.getGuardian1Name(), form.getGuardian1Relation(),
				form.getGuardian1IdNumber(), form.getGuardian1Mobile(), true, problems);
		if (first != null) {
			guardians.add(first);
		}
		boolean second = Arrays.asList(form.getGuardian2Name(), form.getGuardian2IdNumber(), form.getGuardian2Mobile())
			.stream()
			.anyMatch(s -> s != null && !s.isBlank());
		if (second) {
			GuardianInput g = guardian(2, form.getGuardian2Name(), form.getGuardian2Relation(),
					form.getGuardian2IdNumber(), form.getGuardian2Mobile(), false, problems);
			if (g != null) {
				guardians.add(g);
			}
		}
		return guardians;
	}

	private static GuardianInput guardian(int position, String name, String relation, String idNumber, String mobile,
			boolean first, List<FieldProblem> problems) {
		String prefix = "guardian" + position;
		int before = problems.size();
		String n = required(name, prefix + "Name", 50, problems);
		GuardianRelation r = choice(GuardianRelation.class, relation, prefix + "Relation", problems);
		IdCardNumber id = idNumber(idNumber, prefix + "IdNumber", problems);
		String m = null;
		if (mobile == null || mobile.isBlank()) {
			problems.add(FieldProblem.of(prefix + "Mobile", "primary.error.required"));
		}
		else {
			try {
				m = MobileNumber.parse(mobile).value();
			}
			catch (IllegalArgumentException ex) {
				problems.add(FieldProblem.of(prefix + "Mobile", "primary.error.mobile"));
			}
		}
		return (problems.size() == before) ? new GuardianInput(position, n, r, id, m) : null;
	}

}
