package org.ruxue.app.junior;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.registry.BasicData;
import org.ruxue.app.registry.Student;
import org.ruxue.app.registry.Students;
import org.ruxue.app.zoning.Districts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answer to a family's error report (R-J3): the graduating school's teacher corrects
 * the record, which clears the family's confirmation so that the family signs again, or
 * answers that the data is right, with a reason the family reads. A newly arrived student
 * has no graduating school: the district that registered them answers. The family is told
 * either way (R-G6).
 */
@Service
public class Corrections {

	private final Students students;

	private final ErrorReports reports;

	private final FamilyAccounts families;

	private final Districts districts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Corrections(Students students, ErrorReports reports, FamilyAccounts families, Districts districts,
			ApplicationEventPublisher events, Clock clock) {
		this.students = students;
		this.reports = reports;
		this.families = families;
		this.districts = districts;
		this.events = events;
		this.clock = clock;
	}

	/** A report in a list: the child's name masked; opening the report is the read. */
	public record Line(ErrorReport report, String maskedName, String className) {

	}

	/** The reports the staff member answers: their school's, or their district's. */
	@Transactional(readOnly = true)
	public List<Line> reports(SignedIn staff) {
		List<ErrorReport> found = switch (staff.role()) {
			case SCHOOL_STAFF -> (staff.schoolCode() != null) ? reports.ofSchool(staff.schoolCode()) : List.of();
			case DISTRICT_OFFICER ->
				(staff.districtCode() != null) ? reports.ofDistrictWithoutSchool(staff.districtCode()) : List.of();
			default -> List.of();
		};
		return found.stream().map(r -> {
			Optional<Student> s = students.byEducationId(r.educationId());
			return new Line(r, s.map(st -> maskName(st.name())).orElse(""), s.map(Student::className).orElse(null));
		}).toList();
	}

	/**
	 * The open report that follows this one in the list's order (the latest first), or
	 * the list's first when none follows: the report page's "next" (issue 12).
	 */
	@Transactional(readOnly = true)
	public Optional<UUID> nextOpen(ErrorReport current, SignedIn staff) {
		List<ErrorReport> listed = switch (staff.role()) {
			case SCHOOL_STAFF -> (staff.schoolCode() != null) ? reports.ofSchool(staff.schoolCode()) : List.of();
			case DISTRICT_OFFICER ->
				(staff.districtCode() != null) ? reports.ofDistrictWithoutSchool(staff.districtCode()) : List.of();
			default -> List.of();
		};
		List<ErrorReport> open = listed.stream().filter(ErrorReport::isOpen).toList();
		int at = open.stream().map(ErrorReport::id).toList().indexOf(current.id());
		List<ErrorReport> after = (at < 0) ? open : open.subList(at + 1, open.size());
		return after.stream()
			.findFirst()
			.or(() -> open.stream().findFirst())
			.map(ErrorReport::id)
			.filter(id -> !id.equals(current.id()));
	}

	/** A report and its student, opened by the one who answers it: on the record. */
	public record Opened(ErrorReport report, Student student) {

	}

	/**
	 * @throws NoSuchElementException for an unknown report
	 * @throws AccessDeniedException for anyone but the school (or district) that answers
	 */
	@Transactional
	public Opened open(UUID reportId, SignedIn staff) {
		ErrorReport report = reports.byId(reportId).orElseThrow(() -> new NoSuchElementException("No such report"));
		requireAnswerer(staff, report);
		Student student = students.open(report.educationId(), "junior error report", staff);
		return new Opened(report, student);
	}

	/**
	 * Corrects the record as the report asked (R-J3): the report is answered, the
	 * family's confirmation cleared, the family told to check and sign again.
	 * @throws RecordChanged when the record changed since the teacher opened it
	 * @throws JuniorRefused for a field that is not valid, nothing changed, or a report
	 * answered already
	 */
	@Transactional
	public List<String> correct(UUID reportId, int seenVersion, CorrectionForm form, SignedIn staff) {
		ErrorReport report = reports.byId(reportId).orElseThrow(() -> new NoSuchElementException("No such report"));
		requireAnswerer(staff, report);
		Student student = students.byEducationId(report.educationId()).orElseThrow();
		BasicData data = data(form);
		if (report.resolution() == ErrorReport.Resolution.CORRECTED && student.version() > seenVersion
				&& data.changedFrom(BasicData.of(student)).isEmpty()) {
			return List.of(); // the same correction sent again: the first answer was lost
		}
		if (!report.isOpen()) {
			throw new JuniorRefused("form", "junior.error.answered");
		}
		List<String> changed = data.changedFrom(BasicData.of(student));
		if (changed.isEmpty()) {
			throw new JuniorRefused("form", "junior.error.nothing-changed");
		}
		Actor by = Confirmations.actor(staff);
		try {
			students.correct(report.educationId(), seenVersion, data, by);
		}
		catch (OptimisticLockingFailureException ex) {
			throw new RecordChanged();
		}
		answer(report, ErrorReport.Resolution.CORRECTED, null, staff);
		reports.clearConfirmation(report.educationId(), clock.instant());
		students.recordStep(report.educationId(), "junior.corrected", null, by);
		publish(student, "corrected", "version=" + seenVersion + " fields=" + String.join(",", changed),
				"version=" + (seenVersion + 1) + " changed=" + String.join(",", changed), List.of(), by);
		return changed;
	}

	/**
	 * The data is right (R-J3): the report is answered with the reason, which the family
	 * reads; the family then signs, or reports again.
	 */
	@Transactional
	public void uphold(UUID reportId, String reason, SignedIn staff) {
		ErrorReport report = reports.byId(reportId).orElseThrow(() -> new NoSuchElementException("No such report"));
		requireAnswerer(staff, report);
		String why = Confirmations.text(reason, "reason");
		if (report.resolution() == ErrorReport.Resolution.UPHELD && why.equals(report.reason())) {
			return; // the same answer sent again
		}
		if (!report.isOpen()) {
			throw new JuniorRefused("form", "junior.error.answered");
		}
		Student student = students.byEducationId(report.educationId()).orElseThrow();
		Actor by = Confirmations.actor(staff);
		answer(report, ErrorReport.Resolution.UPHELD, why, staff);
		students.recordStep(report.educationId(), "junior.data-upheld", why, by);
		publish(student, "data-upheld", "report=" + report.id(), "resolution=UPHELD", List.of(), by);
	}

	private void answer(ErrorReport report, ErrorReport.Resolution resolution, String reason, SignedIn staff) {
		if (!reports.resolve(report.id(), resolution, reason, clock.instant(), staff.username())) {
			throw new JuniorRefused("form", "junior.error.answered");
		}
	}

	private void publish(Student student, String action, String before, String after, List<String> arguments,
			Actor by) {
		String mobile = null;
		String inbox = null;
		if (student.familyAccount() != null) {
			Optional<FamilyAccounts.Contact> contact = families.contact(student.familyAccount());
			inbox = contact.map(FamilyAccounts.Contact::username).orElse(null);
			mobile = contact.map(FamilyAccounts.Contact::mobile).map(MobileNumber::value).orElse(null);
		}
		events.publishEvent(
				new JuniorDataEvent(student.educationId(), action, before, after, arguments, by, mobile, inbox));
	}

	/**
	 * The graduating school's staff answer its students' reports; the district answers
	 * for students without one (newly arrived, R-J5).
	 */
	private static void requireAnswerer(SignedIn who, ErrorReport report) {
		boolean school = report.schoolCode() != null && who != null && who.role() == Role.SCHOOL_STAFF
				&& report.schoolCode().equals(who.schoolCode());
		boolean district = report.schoolCode() == null && who != null && who.role() == Role.DISTRICT_OFFICER
				&& report.districtCode().equals(who.districtCode());
		if (!school && !district) {
			throw new AccessDeniedException("Not the school or district that answers this report");
		}
	}

	private BasicData data(CorrectionForm form) {
		String name = name(form.name(), "name");
		String sex = form.sex();
		if (!"MALE".equals(sex) && !"FEMALE".equals(sex)) {
			throw new JuniorRefused("sex", "junior.error.sex");
		}
		LocalDate birthDate;
		try {
			birthDate = LocalDate.parse(String.valueOf(form.birthDate()).strip());
		}
		catch (DateTimeParseException ex) {
			throw new JuniorRefused("birthDate", "junior.error.birth-date");
		}
		if (birthDate.isAfter(LocalDate.now(clock)) || birthDate.getYear() < 1990) {
			throw new JuniorRefused("birthDate", "junior.error.birth-date");
		}
		String className = optional(form.className(), "className", 30);
		String hukou = (form.hukouDistrictCode() == null || form.hukouDistrictCode().isBlank()) ? null
				: form.hukouDistrictCode().strip();
		if (hukou != null && districts.byCode(hukou).isEmpty()) {
			throw new JuniorRefused("hukouDistrictCode", "junior.error.district");
		}
		String guardian = optional(form.guardianName(), "guardianName", 50);
		return new BasicData(name, sex, birthDate, className, hukou, guardian);
	}

	/** A person's name: one to 50 characters, no digits or control characters. */
	static String name(String raw, String field) {
		String value = (raw == null) ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
		if (value.isEmpty()) {
			throw new JuniorRefused(field, "junior.error.required");
		}
		if (value.length() > 50 || !value.matches("[\\p{L}\\p{M}·・.' -]+")) {
			throw new JuniorRefused(field, "junior.error.name");
		}
		return value;
	}

	private static String optional(String raw, String field, int max) {
		String value = (raw == null) ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
		if (value.isEmpty()) {
			return null;
		}
		if (value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
			throw new JuniorRefused(field, "junior.error.too-long", Integer.toString(max));
		}
		return value;
	}

	/** 张三 → 张*: lists show who without showing the whole name. */
	static String maskName(String name) {
		if (name == null || name.isEmpty()) {
			return "";
		}
		int first = name.offsetByCodePoints(0, 1);
		return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
	}

}
