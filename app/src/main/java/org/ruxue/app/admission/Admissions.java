package org.ruxue.app.admission;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.placement.DrawId;
import org.ruxue.app.placement.DrawPublished;
import org.ruxue.app.placement.Draws;
import org.ruxue.app.placement.Entrant;
import org.ruxue.app.placement.LotteryDraw;
import org.ruxue.app.placement.Outcome;
import org.ruxue.app.primary.PrimaryRegistrations;
import org.ruxue.app.primary.Registration;
import org.ruxue.app.primary.RegistrationId;
import org.ruxue.app.zoning.EntryLevel;
import org.ruxue.app.registry.Students;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.Schools;
import org.ruxue.lottery.Snapshot;
import org.ruxue.lottery.SnapshotParser;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results as families and offices live with them (R-G8, R-G9, R-Z4): the announcement of
 * a published draw, each family's result with its explanation, and the decisions taken
 * after it, which stand beside the result and never replace it.
 */
@Service
public class Admissions {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Admissions.class);

	private final Draws draws;

	private final Schools schools;

	private final FamilyAccounts families;

	private final PrimaryRegistrations registrations;

	private final Students students;

	private final Handoffs handoffs;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Admissions(Draws draws, Schools schools, FamilyAccounts families, PrimaryRegistrations registrations,
			Students students, Handoffs handoffs, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.draws = draws;
		this.schools = schools;
		this.families = families;
		this.registrations = registrations;
		this.students = students;
		this.handoffs = handoffs;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	// --- the announcement

	/**
	 * Tells every family of a published draw its result, in the publishing transaction:
	 * the result, its messages, the students' path steps and the hand-over to the
	 * registry commit together or not at all.
	 */
	@EventListener
	@Transactional
	void on(DrawPublished published) {
		LotteryDraw draw = published.draw();
		long start = System.nanoTime();
		Map<Entrant, String> placements = new LinkedHashMap<>();
		draws.forEachPlacement(draw.id(), placements::put);
		long read = System.nanoTime();
		Map<String, String> names = names(new HashSet<>(placements.values()));
		List<org.ruxue.app.notification.OutgoingMessage> messages = new ArrayList<>();
		int placed = 0;
		if (draw.level() == EntryLevel.JUNIOR) {
			Map<String, FamilyAccounts.Contact> contacts = families
				.contactsByEducationId(placements.keySet().stream().map(Entrant::educationId).toList());
			Map<String, String> placedSteps = new HashMap<>();
			Map<String, String> unplacedSteps = new HashMap<>();
			for (var e : placements.entrySet()) {
				String school = e.getValue();
				(school != null ? placedSteps : unplacedSteps).put(e.getKey().educationId(),
						(school != null) ? names.get(school) + " (" + school + ")" : e.getKey().lotteryId());
				message(contacts.get(e.getKey().educationId()), null, e.getKey(), names.get(school), messages,
						"junior");
				placed += (school != null) ? 1 : 0;
			}
			students.recordSteps("admission.placed", placedSteps, published.by());
			students.recordSteps("admission.unplaced", unplacedSteps, published.by());
		}
		else {
			Map<RegistrationId, PrimaryRegistrations.Enrollee> enrollees = registrations
				.enrollees(placements.keySet().stream().map(Entrant::registrationId).toList());
			Map<String, FamilyAccounts.Contact> contacts = families.contactsByAccount(enrollees.values()
				.stream()
				.map(PrimaryRegistrations.Enrollee::familyAccount)
				.filter(java.util.Objects::nonNull)
				.toList());
			for (var e : placements.entrySet()) {
				PrimaryRegistrations.Enrollee child = enrollees.get(e.getKey().registrationId());
				FamilyAccounts.Contact contact = (child.familyAccount() != null)
						? contacts.get(child.familyAccount().value().toString()) : null;
				message(contact, child.guardianMobile(), e.getKey(), names.get(e.getValue()), messages, "primary");
				placed += (e.getValue() != null) ? 1 : 0;
			}
		}
		long told = System.nanoTime();
		handoffs.placed(draw, placements, published.by());
		long handedOver = System.nanoTime();
		events.publishEvent(new ResultsAnnounced(draw.id().toString(), placed, placements.size() - placed, messages,
				published.by()));
		log.info(
				"Announced draw {}: {} students; placements read in {} ms, contacts, messages and path steps in {} ms,"
						+ " hand-over in {} ms, outbox and record in {} ms",
				draw.id(), placements.size(), (read - start) / 1_000_000, (told - read) / 1_000_000,
				(handedOver - told) / 1_000_000, (System.nanoTime() - handedOver) / 1_000_000);
	}

	private static void message(FamilyAccounts.Contact contact, String fallbackMobile, Entrant entrant,
			String schoolName, List<org.ruxue.app.notification.OutgoingMessage> messages, String level) {
		String mobile = (contact != null && contact.mobile() != null) ? contact.mobile().value() : fallbackMobile;
		String inbox = (contact != null) ? contact.username() : null;
		if (mobile == null && inbox == null) {
			return;
		}
		messages.add((schoolName != null)
				? new org.ruxue.app.notification.OutgoingMessage(mobile, inbox, "admission.sms.placed",
						List.of(schoolName, entrant.lotteryId()))
				: new org.ruxue.app.notification.OutgoingMessage(mobile, inbox, "admission.sms.unplaced-" + level,
						List.of(entrant.lotteryId())));
	}

	// --- the family's page

	/**
	 * The family's published results, newest first: the junior student's, or each of the
	 * family's primary registrations'. Nothing before publication.
	 */
	@Transactional(readOnly = true)
	public List<FamilyResult> ofFamily(SignedIn family) {
		if (family == null || family.role() != Role.PARENT) {
			throw new AccessDeniedException("A family sees its own result");
		}
		List<FamilyResult> results = new ArrayList<>();
		students.ofFamily(family)
			.ifPresent(s -> draws.ofStudent(s.educationId())
				.forEach(entered -> result(entered, s.name()).ifPresent(results::add)));
		for (Registration r : registrations.ofFamily(family)) {
			draws.ofRegistration(r.id()).forEach(entered -> result(entered, r.childName()).ifPresent(results::add));
		}
		return results;
	}

	private Optional<FamilyResult> result(Draws.Entered entered, String childName) {
		if (!entered.draw().published()) {
			return Optional.empty();
		}
		return draws.outcome(entered.draw().id(), entered.entrant().lotteryId()).map(outcome -> {
			List<Decision> decisions = decisions(entered.draw().id(), outcome.lotteryId());
			Set<String> codes = new HashSet<>();
			outcome.steps().forEach(s -> codes.add(s.school()));
			decisions.forEach(d -> codes.add(d.schoolCode()));
			return new FamilyResult(entered.draw(), childName, outcome, decisions, names(codes));
		});
	}

	// --- decisions after the result

	/**
	 * The city corrects a published result (R-G8): a new decision with its reason, shown
	 * beside the original, which stays as it was.
	 * @param schoolCode the school the student now has, or blank to take the place away
	 */
	@Transactional
	public Decision correct(DrawId drawId, String lotteryId, String schoolCode, String reason, SignedIn admin) {
		if (admin == null || admin.role() != Role.CITY_ADMIN) {
			throw new AccessDeniedException("Corrections are the city's");
		}
		LotteryDraw draw = published(drawId);
		Entrant entrant = entrant(draw, lotteryId);
		String school = blankToNull(schoolCode);
		if (school != null) {
			requireSchool(draw, entrant, school);
		}
		return decide(draw, entrant, DecisionKind.CORRECTION, school, reason, admin);
	}

	/**
	 * The district places a child the draw left without a school at a school of the
	 * district with free seats, once, recorded as the district's allocation: a primary
	 * child whose zone's school was full (R-Z4), a junior student none of whose choices
	 * had a seat left (R-J7).
	 */
	@Transactional
	public Decision allocate(DrawId drawId, String lotteryId, String schoolCode, String reason, SignedIn officer) {
		if (officer == null || officer.role() != Role.DISTRICT_OFFICER) {
			throw new AccessDeniedException("Allocations are the district's");
		}
		LotteryDraw draw = published(drawId);
		Entrant entrant = entrant(draw, lotteryId);
		if (!entrant.districtCode().equals(officer.districtCode())) {
			throw new AccessDeniedException("Not the officer's district");
		}
		lock(draw.id());
		if (draws.outcome(draw.id(), entrant.lotteryId()).map(Outcome::placed).orElse(true)
				|| !decisions(draw.id(), entrant.lotteryId()).isEmpty()) {
			throw new AdmissionRefused("admission.error.not-overflow");
		}
		String school = blankToNull(schoolCode);
		if (school == null) {
			throw new AdmissionRefused("admission.error.school");
		}
		requireSchool(draw, entrant, school);
		if (freeSeats(draw).getOrDefault(school, 0) < 1) {
			throw new AdmissionRefused("admission.error.no-seat", names(Set.of(school)).get(school));
		}
		return decide(draw, entrant, DecisionKind.DISTRICT_ALLOCATION, school,
				(reason == null || reason.isBlank()) ? "区统筹安排" : reason, officer);
	}

	private Decision decide(LotteryDraw draw, Entrant entrant, DecisionKind kind, String school, String reason,
			SignedIn who) {
		String why = (reason == null) ? "" : reason.strip();
		if (why.length() < 2 || why.length() > 500) {
			throw new AdmissionRefused("admission.error.reason");
		}
		lock(draw.id());
		// a double click, or the same decision sent twice, records it once
		List<Decision> earlier = decisions(draw.id(), entrant.lotteryId());
		if (!earlier.isEmpty()) {
			Decision last = earlier.get(earlier.size() - 1);
			if (last.kind() == kind && java.util.Objects.equals(last.schoolCode(), school)
					&& last.reason().equals(why)) {
				return last;
			}
		}
		Actor by = Actor.of(who.username(), who.role().name());
		Decision decision = new Decision(draw.id(), entrant.lotteryId(), kind, school, why, clock.instant(), by.name(),
				by.role());
		jdbc.sql("""
				insert into admission_decision (id, draw_id, lottery_id, kind, school_code, reason, decided_at,
				  decided_by, decided_role)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(UUID.randomUUID(), draw.id().value(), entrant.lotteryId(), kind.name(), school, why,
					Timestamp.from(decision.decidedAt()), by.name(), by.role())
			.update();
		String schoolName = (school != null) ? names(Set.of(school)).get(school) : null;
		Contact contact = contact(entrant);
		if (entrant.educationId() != null) {
			students.recordStep(entrant.educationId(),
					"admission." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
					(school != null) ? schoolName + " (" + school + "): " + why : why, by);
		}
		handoffs.decided(draw, entrant, decision, by);
		events.publishEvent(new DecisionRecorded(decision, schoolName, by, contact.mobile(), contact.inbox()));
		return decision;
	}

	private record Contact(String mobile, String inbox) {

	}

	private Contact contact(Entrant entrant) {
		if (entrant.educationId() != null) {
			var c = families.contactsByEducationId(List.of(entrant.educationId())).get(entrant.educationId());
			var student = students.byEducationId(entrant.educationId());
			String mobile = (c != null && c.mobile() != null) ? c.mobile().value()
					: student.map(s -> (s.mobile() != null) ? s.mobile().value() : null).orElse(null);
			return new Contact(mobile, (c != null) ? c.username() : null);
		}
		var child = registrations.enrollees(List.of(entrant.registrationId())).get(entrant.registrationId());
		var c = (child.familyAccount() != null) ? families.contactsByAccount(List.of(child.familyAccount()))
			.get(child.familyAccount().value().toString()) : null;
		return new Contact((c != null && c.mobile() != null) ? c.mobile().value() : child.guardianMobile(),
				(c != null) ? c.username() : null);
	}

	/** The decisions on a student of a draw, oldest first. */
	@Transactional(readOnly = true)
	public List<Decision> decisions(DrawId drawId, String lotteryId) {
		return jdbc.sql("""
				select draw_id, lottery_id, kind, school_code, reason, decided_at, decided_by, decided_role
				from admission_decision where draw_id = ? and lottery_id = ? order by decided_at, id
				""").params(drawId.value(), lotteryId).query(Admissions::decision).list();
	}

	/** Every decision on a draw, newest first. */
	@Transactional(readOnly = true)
	public List<Decision> decisions(DrawId drawId) {
		return jdbc.sql("""
				select draw_id, lottery_id, kind, school_code, reason, decided_at, decided_by, decided_role
				from admission_decision where draw_id = ? order by decided_at desc, id
				""").param(drawId.value()).query(Admissions::decision).list();
	}

	/**
	 * A school's seats left after the result and every decision since: the snapshot's
	 * seats less the students who stand placed there now.
	 */
	@Transactional(readOnly = true)
	public Map<String, Integer> freeSeats(LotteryDraw draw) {
		Snapshot snapshot = SnapshotParser.parse(draws.snapshotBytes(draw.id()));
		Map<String, Integer> free = new HashMap<>();
		for (String school : snapshot.schools()) {
			free.put(school, snapshot.capacity(school));
		}
		jdbc.sql("""
				select school, count(*) from (
				  select coalesce(d.lottery_id, o.lottery_id) as lottery_id,
				    case when d.lottery_id is not null then d.school_code else o.school_code end as school
				  from placement_outcome o
				  left join (select distinct on (lottery_id) lottery_id, school_code from admission_decision
				             where draw_id = :draw order by lottery_id, decided_at desc, id) d
				    on d.lottery_id = o.lottery_id
				  where o.draw_id = :draw) s
				where school is not null group by school
				""")
			.param("draw", draw.id().value())
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.forEach(e -> free.merge(e.getKey(), -e.getValue(), Integer::sum));
		return free;
	}

	/**
	 * A child of the district that the placement left without a school, for its
	 * allocation.
	 */
	public record Overflow(LotteryDraw draw, String lotteryId, String registrationNumber, String maskedName,
			String category) {

	}

	/**
	 * The district's children in published draws that no school could seat and that have
	 * no decision yet; the list is a staff read of children's data, on the record.
	 */
	@Transactional
	public List<Overflow> overflow(SignedIn officer) {
		if (officer == null || officer.role() != Role.DISTRICT_OFFICER || officer.districtCode() == null) {
			throw new AccessDeniedException("The district's own list");
		}
		List<Overflow> found = new ArrayList<>();
		for (LotteryDraw draw : draws.all()) {
			if (!draw.published()) {
				continue;
			}
			List<Entrant> waiting = new ArrayList<>();
			draws.forEachPlacement(draw.id(), (entrant, school) -> {
				if (school == null && entrant.districtCode().equals(officer.districtCode())) {
					waiting.add(entrant);
				}
			});
			Set<String> decided = new HashSet<>();
			decisions(draw.id()).forEach(d -> decided.add(d.lotteryId()));
			waiting.removeIf(e -> decided.contains(e.lotteryId()));
			if (draw.level() == EntryLevel.JUNIOR) {
				var pupils = students.byEducationIds(waiting.stream().map(Entrant::educationId).toList());
				for (Entrant e : waiting) {
					found.add(new Overflow(draw, e.lotteryId(), e.educationId(),
							mask(pupils.get(e.educationId()).name()), null));
				}
				continue;
			}
			var children = registrations.enrollees(waiting.stream().map(Entrant::registrationId).toList());
			for (Entrant e : waiting) {
				var child = children.get(e.registrationId());
				found.add(new Overflow(draw, e.lotteryId(), child.number(), mask(child.childName()), e.category()));
			}
		}
		events.publishEvent(new OverflowListed(officer.districtCode(), found.size(),
				Actor.of(officer.username(), officer.role().name())));
		return found;
	}

	/** The district's schools taking the draw's entry, with the seats they have left. */
	@Transactional(readOnly = true)
	public Map<School, Integer> districtSeats(LotteryDraw draw, String districtCode) {
		Map<String, Integer> free = freeSeats(draw);
		Map<School, Integer> seats = new LinkedHashMap<>();
		for (School school : schools.inDistrict(districtCode)) {
			boolean takes = (draw.level() == EntryLevel.PRIMARY) ? school.level().takesPrimaryEntry()
					: school.level().takesJuniorEntry();
			if (takes && free.containsKey(school.code())) {
				seats.put(school, free.get(school.code()));
			}
		}
		return seats;
	}

	private void requireSchool(LotteryDraw draw, Entrant entrant, String code) {
		School school = schools.byCode(code).orElseThrow(() -> new AdmissionRefused("admission.error.school"));
		boolean level = (draw.level() == EntryLevel.PRIMARY) ? school.level().takesPrimaryEntry()
				: school.level().takesJuniorEntry();
		if (!level) {
			throw new AdmissionRefused("admission.error.school-level");
		}
		if (!school.districtCode().equals(entrant.districtCode())) {
			throw new AdmissionRefused("admission.error.school-district");
		}
	}

	private LotteryDraw published(DrawId id) {
		LotteryDraw draw = draws.byId(id).orElseThrow(() -> new AdmissionRefused("admission.error.draw"));
		if (!draw.published()) {
			throw new AdmissionRefused("admission.error.not-published");
		}
		return draw;
	}

	private Entrant entrant(LotteryDraw draw, String lotteryId) {
		String id = (lotteryId == null) ? "" : lotteryId.strip();
		return draws.entrant(draw.id(), id).orElseThrow(() -> new AdmissionRefused("admission.error.lottery-id"));
	}

	/** Decisions on one draw happen one at a time: seats are counted under this lock. */
	private void lock(DrawId id) {
		jdbc.sql("select pg_advisory_xact_lock(?)")
			.param(0x4144_0000_0000_0000L ^ id.value().getMostSignificantBits())
			.query()
			.singleValue();
	}

	private Map<String, String> names(Set<String> codes) {
		Set<String> wanted = new HashSet<>(codes);
		wanted.remove(null);
		Map<String, String> names = new HashMap<>();
		schools.byCodes(wanted).forEach(s -> names.put(s.code(), s.name()));
		return names;
	}

	/** 张*明: enough for the district's list, not enough to identify a child. */
	static String mask(String name) {
		int[] points = name.codePoints().toArray();
		if (points.length <= 1) {
			return name;
		}
		StringBuilder masked = new StringBuilder().appendCodePoint(points[0]);
		masked.append("*".repeat(Math.max(1, points.length - 2)));
		return (points.length == 2) ? masked.toString() : masked.appendCodePoint(points[points.length - 1]).toString();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static Decision decision(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Decision(new DrawId(rs.getObject("draw_id", UUID.class)), rs.getString("lottery_id"),
				DecisionKind.valueOf(rs.getString("kind")), rs.getString("school_code"), rs.getString("reason"),
				rs.getTimestamp("decided_at").toInstant(), rs.getString("decided_by"), rs.getString("decided_role"));
	}

}
