package org.ruxue.app.junior;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.registry.NewStudent;
import org.ruxue.app.registry.Student;
import org.ruxue.app.registry.Students;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Newly arrived students (R-J5): a district officer checks the proof (the hukou booklet
 * moved into the district, or the street office's study permit), records which proof and
 * its reference, and registers the student in the district; the family gets an account to
 * activate with the registered mobile and is told by SMS.
 */
@Service
public class NewlyArrived {

	private final JdbcClient jdbc;

	private final Students students;

	private final FamilyAccounts families;

	private final EnrollmentCalendar calendar;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	NewlyArrived(JdbcClient jdbc, Students students, FamilyAccounts families, EnrollmentCalendar calendar,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.students = students;
		this.families = families;
		this.calendar = calendar;
		this.events = events;
		this.clock = clock;
	}

	/** A newly arrived student in the district's list: the name masked. */
	public record Registered(String educationId, String maskedName, String maskedIdNumber, ProofKind proofKind,
			String proofReference, Instant registeredAt, String registeredBy) {

	}

	/**
	 * Registers the student in the officer's district and provisions the family account.
	 * @return the student's education ID, with which the family signs in
	 * @throws JuniorRefused for any field that is not valid (nothing is stored), or a
	 * child registered already this year
	 */
	@Transactional
	public Student register(NewlyArrivedForm form, SignedIn officer) {
		String district = requireOfficer(officer);
		ProofKind kind = proofKind(form.proofKind());
		String reference = reference(form.proofReference());
		IdCardNumber child = idNumber(form.childIdNumber());
		String name = Corrections.name(form.name(), "name");
		String guardian = Corrections.name(form.guardianName(), "guardianName");
		MobileNumber mobile = mobile(form.mobile());
		int year = calendar.currentYear().orElseThrow(() -> new JuniorRefused("form", "junior.error.no-year"));
		Optional<Student> known = students.ofChild(child, year);
		if (known.isPresent()
				&& registeredAlready(known.get(), district, kind, reference, name, guardian, mobile, officer)) {
			// the same registration sent again: the first answer was lost
			return known.get();
		}
		long number = jdbc.sql("select nextval('junior_newly_arrived_number')").query(Long.class).single();
		String educationId = String.format(Locale.ROOT, "N%s%d%06d", district, year, number);
		Actor by = Confirmations.actor(officer);
		NewStudent s = new NewStudent(educationId, child, name, child.isMale() ? "MALE" : "FEMALE", child.birthDate(),
				year, null, null, district, (kind == ProofKind.HUKOU) ? district : null, guardian, mobile,
				Student.Origin.NEWLY_ARRIVED);
		Student student;
		try {
			student = students.register(s, by);
		}
		catch (DuplicateKeyException ex) {
			throw new JuniorRefused("childIdNumber", "junior.error.known-child");
		}
		jdbc.sql("""
				insert into junior_newly_arrived (education_id, district_code, entry_year, proof_kind, proof_reference,
				  registered_at, registered_by)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(educationId, district, year, kind.name(), reference, Timestamp.from(clock.instant()),
					officer.username())
			.update();
		Optional<AccountId> existing = families.ofChild(child);
		if (existing.isPresent()) {
			families.assignEducationId(child, educationId, by);
		}
		else {
			families.provision(child, name, educationId, mobile);
		}
		AccountId account = families.ofChild(child).orElseThrow();
		String inbox = families.contact(account).map(FamilyAccounts.Contact::username).orElse(null);
		events.publishEvent(new JuniorDataEvent(educationId, "newly-arrived", null,
				"district=" + district + " proof=" + kind, List.of(educationId), by, mobile.value(), inbox));
		return students.byEducationId(educationId).orElseThrow();
	}

	private boolean registeredAlready(Student known, String district, ProofKind kind, String reference, String name,
			String guardian, MobileNumber mobile, SignedIn officer) {
		boolean same = known.origin() == Student.Origin.NEWLY_ARRIVED && district.equals(known.districtCode())
				&& name.equals(known.name()) && guardian.equals(known.guardianName()) && mobile.equals(known.mobile());
		return same && jdbc.sql("""
				select count(*) from junior_newly_arrived
				where education_id = ? and proof_kind = ? and proof_reference = ? and registered_by = ?
				""")
			.params(known.educationId(), kind.name(), reference, officer.username())
			.query(Long.class)
			.single() == 1;
	}

	/**
	 * The district's newly arrived students of the current year, latest first: at most
	 * 5,000, far above a district's newly arrived students, so that the staff table pages
	 * through all of them (issue 12) while each line's student is still read one by one.
	 */
	@Transactional(readOnly = true)
	public List<Registered> ofDistrict(SignedIn officer) {
		return list(requireOfficer(officer));
	}

	private List<Registered> list(String district) {
		record Row(String educationId, ProofKind kind, String reference, Instant at, String by) {
		}
		List<Row> rows = jdbc.sql("""
				select * from junior_newly_arrived where district_code = ? order by registered_at desc, education_id
				limit 5000
				""")
			.param(district)
			.query((rs, n) -> new Row(rs.getString("education_id"), ProofKind.valueOf(rs.getString("proof_kind")),
					rs.getString("proof_reference"), rs.getTimestamp("registered_at").toInstant(),
					rs.getString("registered_by")))
			.list();
		return rows.stream()
			.map(r -> students.byEducationId(r.educationId())
				.map(s -> new Registered(r.educationId(), Corrections.maskName(s.name()), s.maskedIdNumber(), r.kind(),
						r.reference(), r.at(), r.by())))
			.flatMap(Optional::stream)
			.toList();
	}

	private static String requireOfficer(SignedIn who) {
		if (who == null || who.role() != Role.DISTRICT_OFFICER || who.districtCode() == null) {
			throw new AccessDeniedException("A district officer registers newly arrived students");
		}
		return who.districtCode();
	}

	private static ProofKind proofKind(String text) {
		for (ProofKind kind : ProofKind.values()) {
			if (kind.name().equals(text)) {
				return kind;
			}
		}
		throw new JuniorRefused("proofKind", "junior.error.proof-kind");
	}

	private static String reference(String text) {
		String value = (text == null) ? "" : text.strip().toUpperCase(Locale.ROOT);
		if (value.isEmpty()) {
			throw new JuniorRefused("proofReference", "junior.error.required");
		}
		if (!value.matches("[A-Z0-9-]{4,40}")) {
			throw new JuniorRefused("proofReference", "junior.error.proof-reference");
		}
		return value;
	}

	private static IdCardNumber idNumber(String text) {
		if (text == null || text.isBlank()) {
			throw new JuniorRefused("childIdNumber", "junior.error.required");
		}
		try {
			return IdCardNumber.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new JuniorRefused("childIdNumber", "junior.error.id-number");
		}
	}

	private static MobileNumber mobile(String text) {
		if (text == null || text.isBlank()) {
			throw new JuniorRefused("mobile", "junior.error.required");
		}
		try {
			return MobileNumber.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new JuniorRefused("mobile", "junior.error.mobile");
		}
	}

}
