package org.ruxue.app.junior;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.PhaseKind;
import org.ruxue.app.calendar.PhaseWindow;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.registry.Student;
import org.ruxue.app.registry.Students;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The family's check of its student's basic data (R-J2): it signs exactly the version of
 * the record it saw, or reports what is wrong (R-J3). Both stay possible from the
 * registry's hand-over until the preference window closes (R-J7): the source sets no
 * window of its own, and the draw needs checked data.
 */
@Service
public class Confirmations {

	static final int MAX_TEXT = 500;

	private final Students students;

	private final ErrorReports reports;

	private final EnrollmentCalendar calendar;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Confirmations(Students students, ErrorReports reports, EnrollmentCalendar calendar,
			ApplicationEventPublisher events, Clock clock) {
		this.students = students;
		this.reports = reports;
		this.calendar = calendar;
		this.events = events;
		this.clock = clock;
	}

	/** The signed-in family's student and where its check stands; empty without one. */
	@Transactional(readOnly = true)
	public Optional<ConfirmationStatus> ofFamily(SignedIn family) {
		return students.ofFamily(family).map(this::status);
	}

	/** Where a student's check stands, for facades that checked access already. */
	@Transactional(readOnly = true)
	public ConfirmationStatus status(Student student) {
		Optional<ErrorReport> open = reports.open(student.educationId());
		Optional<ErrorReports.Confirmation> signed = reports.standingConfirmation(student.educationId())
			.filter(c -> c.studentVersion() == student.version());
		ConfirmationStatus.State state = open.isPresent() ? ConfirmationStatus.State.ERROR_REPORTED
				: signed.isPresent() ? ConfirmationStatus.State.CONFIRMED : ConfirmationStatus.State.TO_CONFIRM;
		Optional<PhaseWindow> preferences = calendar.window(student.entryYear(), PhaseKind.JUNIOR_PREFERENCES);
		LocalDate closesOn = preferences.map(PhaseWindow::closesOn).orElse(null);
		boolean isOpen = closesOn == null || !calendar.today().isAfter(closesOn);
		return new ConfirmationStatus(student, state, signed.map(ErrorReports.Confirmation::confirmedAt).orElse(null),
				open.orElse(null), reports.lastAnswered(student.educationId()).orElse(null), isOpen, closesOn);
	}

	/**
	 * The family signs the record at the version it saw (R-J2); signing it again changes
	 * nothing.
	 * @throws RecordChanged when the record changed since the family saw it
	 * @throws JuniorRefused when a report is open or the check has closed
	 */
	@Transactional
	public ConfirmationStatus confirm(SignedIn family, int seenVersion) {
		Student student = ownStudent(family);
		ConfirmationStatus status = status(student);
		requireOpen(status);
		if (status.state() == ConfirmationStatus.State.ERROR_REPORTED) {
			throw new JuniorRefused("form", "junior.error.report-open");
		}
		if (!students.holdAt(student.educationId(), seenVersion)) {
			throw new RecordChanged();
		}
		// read again under the record's lock: a double click waited for the first
		// confirmation and finds it, instead of confirming a second time
		ConfirmationStatus held = status(student);
		if (held.state() == ConfirmationStatus.State.CONFIRMED) {
			return held;
		}
		Actor by = actor(family);
		reports.clearConfirmation(student.educationId(), clock.instant());
		reports.confirm(student.educationId(), seenVersion, clock.instant(), family.username());
		students.recordStep(student.educationId(), "junior.confirmed", null, by);
		events.publishEvent(new JuniorDataEvent(student.educationId(), "confirmed", null, "version=" + seenVersion,
				List.of(), by, null, null));
		return status(student);
	}

	/**
	 * The family reports what is wrong (R-J3); a standing confirmation no longer counts.
	 * The graduating school answers; for a newly arrived student, the district.
	 * @throws RecordChanged when the record changed since the family saw it
	 * @throws JuniorRefused for an empty or overlong text, an open report, a closed check
	 */
	@Transactional
	public ErrorReport reportError(SignedIn family, int seenVersion, String text) {
		Student student = ownStudent(family);
		String problem = text(text, "text");
		ConfirmationStatus status = status(student);
		requireOpen(status);
		ErrorReport open = status.openReport();
		if (open != null && open.text().equals(problem) && open.studentVersion() == seenVersion) {
			return open; // the same report sent again: the first answer was lost
		}
		if (status.state() == ConfirmationStatus.State.ERROR_REPORTED) {
			throw new JuniorRefused("form", "junior.error.report-open");
		}
		if (!students.holdAt(student.educationId(), seenVersion)) {
			throw new RecordChanged();
		}
		ErrorReport report = new ErrorReport(UUID.randomUUID(), student.educationId(), student.schoolCode(),
				student.districtCode(), problem, seenVersion, clock.instant(), null, null, null, null);
		try {
			reports.insert(report);
		}
		catch (DuplicateKeyException ex) {
			throw new JuniorRefused("form", "junior.error.report-open");
		}
		reports.clearConfirmation(student.educationId(), clock.instant());
		Actor by = actor(family);
		students.recordStep(student.educationId(), "junior.error-reported", problem, by);
		events.publishEvent(new JuniorDataEvent(student.educationId(), "error-reported", "version=" + seenVersion,
				"report=" + report.id(), List.of(), by, null, null));
		return report;
	}

	private Student ownStudent(SignedIn family) {
		if (family == null || family.role() != Role.PARENT) {
			throw new AccessDeniedException("Families confirm their own student's data");
		}
		return students.ofFamily(family).orElseThrow(() -> new NoSuchElementException("No junior-entry record"));
	}

	private static void requireOpen(ConfirmationStatus status) {
		if (!status.open()) {
			throw new JuniorRefused("form", "junior.error.closed");
		}
	}

	/**
	 * A free text as people type it: trimmed, one to 500 characters, no control
	 * characters. NFC only: Chinese punctuation stays as typed.
	 */
	static String text(String raw, String field) {
		String value = (raw == null) ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
		if (value.isEmpty()) {
			throw new JuniorRefused(field, "junior.error.text-required");
		}
		if (value.length() > MAX_TEXT) {
			throw new JuniorRefused(field, "junior.error.text-too-long", Integer.toString(MAX_TEXT));
		}
		if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			throw new JuniorRefused(field, "junior.error.text-control");
		}
		return value;
	}

	static Actor actor(SignedIn who) {
		return Actor.of(who.username(), who.role().name());
	}

}
