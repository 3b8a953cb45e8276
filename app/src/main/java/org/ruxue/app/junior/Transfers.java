package org.ruxue.app.junior;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.PhaseKind;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.notification.OutgoingMessage;
import org.ruxue.app.population.SealedIdNumbers;
import org.ruxue.app.registry.Student;
import org.ruxue.app.registry.Students;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.Schools;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The return to the hukou or home district (回户籍所在区或居住区, R-J4). Inside the calendar's
 * transfer window the graduating school starts an application for its student, prints the
 * form, records that the family and the school signed it and submits it; then the school,
 * the district moved out of and the district moved into approve or reject in turn. A
 * rejection ends the chain; the last approval moves the student to the new district
 * ({@link Students#moveDistrict}). Every step is on the student's path (R-G9) and on the
 * record; the family and the school are told the end.
 */
@Service
public class Transfers {

	private static final String SELECT = """
			select t.*, s.name as student_name, s.child_id_sealed from junior_transfer t
			join student s on s.education_id = t.education_id
			""";

	private static final String NUMBER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Students students;

	private final EnrollmentCalendar calendar;

	private final Districts districts;

	private final Schools schools;

	private final FamilyAccounts families;

	private final SealedIdNumbers sealed;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransferFormPdf pdf = new TransferFormPdf();

	Transfers(JdbcClient jdbc, Students students, EnrollmentCalendar calendar, Districts districts, Schools schools,
			FamilyAccounts families, SealedIdNumbers sealed, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.students = students;
		this.calendar = calendar;
		this.districts = districts;
		this.schools = schools;
		this.families = families;
		this.sealed = sealed;
		this.events = events;
		this.clock = clock;
	}

	/** Whether schools may apply now (R-J4's window in the current year). */
	public boolean windowOpen() {
		return calendar.isOpen(PhaseKind.JUNIOR_TRANSFER);
	}

	// --- the graduating school

	/**
	 * The school starts an application for one of its students, inside the window; one
	 * open application per student (a database constraint).
	 * @throws TransferRefused naming the field at fault; nothing was written
	 */
	@Transactional
	public Transfer start(StartTransferForm form, SignedIn staff) {
		requireSchoolStaff(staff);
		String educationId = trim(form.educationId()).toUpperCase(Locale.ROOT);
		if (educationId.isEmpty()) {
			throw new TransferRefused("educationId", "junior.transfer.error.education-id");
		}
		Student student = students.byEducationId(educationId)
			.filter(s -> staff.schoolCode().equals(s.schoolCode()))
			.orElseThrow(() -> new TransferRefused("educationId", "junior.transfer.error.no-student"));
		requireWindow(student.entryYear());
		TransferKind kind = kind(form.kind());
		District to = districts.byCode(trim(form.toDistrict()))
			.orElseThrow(() -> new TransferRefused("toDistrict", "junior.transfer.error.district"));
		if (to.code().equals(student.districtCode())) {
			throw new TransferRefused("toDistrict", "junior.transfer.error.same-district");
		}
		if (kind == TransferKind.HUKOU && student.hukouDistrictCode() != null
				&& !student.hukouDistrictCode().equals(to.code())) {
			throw new TransferRefused("toDistrict", "junior.transfer.error.not-hukou-district");
		}
		String address = text(form.address(), 200, "address", true);
		String note = text(form.note(), 500, "note", false);
		Optional<Transfer> same = ofStudent(educationId).stream()
			.filter(t -> t.status() == TransferStatus.DRAFT && t.version() == 0 && !t.printed()
					&& staff.username().equals(t.startedBy()) && t.toDistrict().equals(to.code()) && t.kind() == kind
					&& t.address().equals(address) && Objects.equals(t.note(), note))
			.findFirst();
		if (same.isPresent()) {
			return same.get(); // the same start sent again: the first answer was lost
		}
		TransferId id = TransferId.random();
		Instant now = clock.instant();
		try {
			jdbc.sql("""
					insert into junior_transfer (id, number, education_id, entry_year, school_code, from_district,
					  to_district, kind, address, note, status, started_by, started_at, changed_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?)
					""")
				.params(id.value(), number(student.entryYear()), educationId, student.entryYear(), student.schoolCode(),
						student.districtCode(), to.code(), kind.name(), address, note, staff.username(),
						Timestamp.from(now), Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			if (String.valueOf(ex.getMessage()).contains("junior_transfer_open_idx")) {
				throw new TransferRefused("educationId", "junior.transfer.error.open-exists");
			}
			throw ex;
		}
		Transfer started = byId(id).orElseThrow();
		students.recordStep(educationId, "junior.transfer.started", districtName(to.code()), actor(staff));
		changed(started, "started", "to=" + to.code() + " kind=" + kind, staff, List.of());
		return started;
	}

	/**
	 * The school's applications of the current year, newest first; the read is on the
	 * record.
	 */
	@Transactional
	public List<Transfer> ofSchool(SignedIn staff) {
		requireSchoolStaff(staff);
		List<Transfer> found = jdbc
			.sql(SELECT + " where t.school_code = ? and t.entry_year = ? order by t.started_at desc, t.number")
			.params(staff.schoolCode(), year())
			.query(this::transfer)
			.list();
		events.publishEvent(new TransferOpened("junior-transfer-list", "school:" + staff.schoolCode(),
				"school transfer list", actor(staff)));
		return found;
	}

	/**
	 * The printable application form (R-J4) as a PDF with the Chinese text embedded; the
	 * first print is noted, since the family and the school sign the printed form.
	 */
	@Transactional
	public byte[] printForm(TransferId id, SignedIn staff) {
		Transfer t = open(id, "print form", staff);
		t.requireSchool(staff);
		Instant now = clock.instant();
		if (!t.printed()) {
			// not a change of what was decided: the version stays, so a page open
			// while printing still signs and submits
			jdbc.sql("update junior_transfer set printed_at = ? where id = ? and printed_at is null")
				.params(Timestamp.from(now), id.value())
				.update();
			changed(byId(id).orElseThrow(), "printed", null, staff, List.of());
		}
		Student student = students.byEducationId(t.educationId()).orElseThrow();
		return pdf.render(new PrintedTransferForm(t.number(), t.entryYear(), t.studentName(), student.sex(),
				t.maskedIdNumber(), student.birthDate(), t.educationId(), schoolName(t.schoolCode()),
				student.className(), districtName(t.fromDistrict()),
				(student.hukouDistrictCode() != null) ? districtName(student.hukouDistrictCode()) : null,
				districtName(t.toDistrict()), t.kind(), t.address(), t.note(), now));
	}

	/**
	 * The school records that the family and the school signed the printed form.
	 * @throws TransferRefused before the form was printed, when a signature is not
	 * confirmed, outside the window or when someone changed it meanwhile
	 */
	@Transactional
	public Transfer markSigned(TransferId id, int expectedVersion, boolean familySigned, boolean schoolSigned,
			SignedIn staff) {
		Transfer seen = byId(id).orElseThrow(() -> new NoSuchElementException("No such transfer"));
		seen.requireSchool(staff);
		if (seen.version() > expectedVersion && seen.status() == TransferStatus.DRAFT && seen.signed() && familySigned
				&& schoolSigned) {
			return seen;
		}
		Transfer t = draftOf(id, staff);
		requireWindow(t.entryYear());
		if (!t.printed()) {
			throw new TransferRefused("form", "junior.transfer.error.print-first");
		}
		if (!familySigned || !schoolSigned) {
			throw new TransferRefused("signatures", "junior.transfer.error.signatures");
		}
		Instant now = clock.instant();
		update(jdbc.sql("""
				update junior_transfer set signed_at = ?, signed_by = ?, changed_at = ?, version = version + 1
				where id = ? and version = ? and status = 'DRAFT'
				""").params(Timestamp.from(now), staff.username(), Timestamp.from(now), id.value(), expectedVersion));
		Transfer signed = byId(id).orElseThrow();
		changed(signed, "signed", null, staff, List.of());
		return signed;
	}

	/** The signed application enters the chain, inside the window. */
	@Transactional
	public Transfer submit(TransferId id, int expectedVersion, SignedIn staff) {
		Transfer seen = byId(id).orElseThrow(() -> new NoSuchElementException("No such transfer"));
		seen.requireSchool(staff);
		if (seen.version() > expectedVersion && seen.submittedAt() != null
				&& seen.status() != TransferStatus.WITHDRAWN) {
			return seen; // submitted by the same form, sent again
		}
		Transfer t = draftOf(id, staff);
		requireWindow(t.entryYear());
		if (!t.signed()) {
			throw new TransferRefused("form", "junior.transfer.error.sign-first");
		}
		Instant now = clock.instant();
		update(jdbc.sql("""
				update junior_transfer set status = 'SUBMITTED', submitted_at = ?, submitted_by = ?, changed_at = ?,
				  version = version + 1
				where id = ? and version = ? and status = 'DRAFT'
				""").params(Timestamp.from(now), staff.username(), Timestamp.from(now), id.value(), expectedVersion));
		Transfer submitted = byId(id).orElseThrow();
		students.recordStep(t.educationId(), "junior.transfer.submitted", districtName(t.toDistrict()), actor(staff));
		changed(submitted, "submitted", null, staff, List.of());
		return submitted;
	}

	/**
	 * The school withdraws a draft it started by mistake; the student may then have
	 * another.
	 */
	@Transactional
	public Transfer withdraw(TransferId id, int expectedVersion, SignedIn staff) {
		Transfer seen = byId(id).orElseThrow(() -> new NoSuchElementException("No such transfer"));
		seen.requireSchool(staff);
		if (seen.version() > expectedVersion && seen.status() == TransferStatus.WITHDRAWN) {
			return seen;
		}
		Transfer t = draftOf(id, staff);
		update(jdbc.sql("""
				update junior_transfer set status = 'WITHDRAWN', changed_at = ?, version = version + 1
				where id = ? and version = ? and status = 'DRAFT'
				""").params(Timestamp.from(clock.instant()), id.value(), expectedVersion));
		Transfer withdrawn = byId(id).orElseThrow();
		students.recordStep(t.educationId(), "junior.transfer.withdrawn", null, actor(staff));
		changed(withdrawn, "withdrawn", null, staff, List.of());
		return withdrawn;
	}

	// --- the chain

	/**
	 * The awaited stage approves: the school, then the district moved out of, then the
	 * district moved into, whose approval moves the student ({@link TransferApproved}).
	 * @throws TransferRefused when it is not the person's stage or someone decided
	 * meanwhile (optimistic locking: of two officers deciding at once, one wins)
	 */
	@Transactional
	public Transfer approve(TransferId id, int expectedVersion, SignedIn who) {
		Optional<Transfer> same = decidedAlready(id, expectedVersion, true, null, who);
		if (same.isPresent()) {
			return same.get();
		}
		Transfer t = toDecide(id, expectedVersion, who);
		TransferStage stage = t.stageDecidedBy(who);
		TransferStatus next = t.status().approved();
		Instant now = clock.instant();
		String column = column(stage);
		update(jdbc.sql("update junior_transfer set status = ?, " + column + "_decided_at = ?, " + column
				+ "_decided_by = ?, changed_at = ?, version = version + 1 where id = ? and version = ? and status = ?")
			.params(next.name(), Timestamp.from(now), who.username(), Timestamp.from(now), id.value(), expectedVersion,
					t.status().name()));
		Transfer approved = byId(id).orElseThrow();
		Actor by = actor(who);
		students.recordStep(t.educationId(), "junior.transfer.approved-" + stage.key(),
				(stage == TransferStage.IN_DISTRICT) ? districtName(t.toDistrict()) : null, by);
		if (next == TransferStatus.APPROVED) {
			students.moveDistrict(t.educationId(), t.toDistrict(), "转区申请 " + t.number(), by);
			events.publishEvent(new TransferApproved(id, t.number(), t.educationId(), t.fromDistrict(), t.toDistrict(),
					t.kind(), by,
					tell(approved, "junior.sms.transfer-approved", List.of(t.number(), districtName(t.toDistrict())))));
		}
		else {
			changed(approved, "approved-" + stage.key(), null, who, List.of());
		}
		return approved;
	}

	/**
	 * The awaited stage rejects, with a reason; the chain ends there and the family and
	 * the school are told.
	 */
	@Transactional
	public Transfer reject(TransferId id, int expectedVersion, String reason, SignedIn who) {
		String why = text(reason, 500, "reason", true);
		Optional<Transfer> same = decidedAlready(id, expectedVersion, false, why, who);
		if (same.isPresent()) {
			return same.get();
		}
		Transfer t = toDecide(id, expectedVersion, who);
		TransferStage stage = t.stageDecidedBy(who);
		Instant now = clock.instant();
		String column = column(stage);
		update(jdbc.sql("update junior_transfer set status = 'REJECTED', rejected_stage = ?, rejection_reason = ?, "
				+ column + "_decided_at = ?, " + column
				+ "_decided_by = ?, changed_at = ?, version = version + 1 where id = ? and version = ? and status = ?")
			.params(stage.name(), why, Timestamp.from(now), who.username(), Timestamp.from(now), id.value(),
					expectedVersion, t.status().name()));
		Transfer rejected = byId(id).orElseThrow();
		students.recordStep(t.educationId(), "junior.transfer.rejected-" + stage.key(), why, actor(who));
		changed(rejected, "rejected-" + stage.key(), "reason=" + why, who,
				tell(rejected, "junior.sms.transfer-rejected-" + stage.key(), List.of(t.number(), why)));
		return rejected;
	}

	/**
	 * The transfer awaiting this reader's stage (R-J4: the school, the district moved out
	 * of or the one moved into) that follows this one in the queues' order (submitted,
	 * then number), or the first when none follows: the page's "next" (issue 12). Only an
	 * id, which the page's own access check then reads.
	 */
	@Transactional(readOnly = true)
	Optional<TransferId> nextToDecide(Transfer current, SignedIn who) {
		String awaitingThem;
		if (who.role() == Role.SCHOOL_STAFF && who.schoolCode() != null) {
			awaitingThem = "t.school_code = :who and t.status = 'SUBMITTED'";
		}
		else if (who.role() == Role.DISTRICT_OFFICER && who.districtCode() != null) {
			awaitingThem = "((t.from_district = :who and t.status = 'SCHOOL_APPROVED')"
					+ " or (t.to_district = :who and t.status = 'OUT_APPROVED'))";
		}
		else {
			return Optional.empty();
		}
		return jdbc.sql("""
				select t.id from junior_transfer t, junior_transfer c
				where c.id = :current and t.entry_year = c.entry_year and t.id <> c.id and %s
				order by coalesce((t.submitted_at, t.number) < (c.submitted_at, c.number), false),
				  t.submitted_at, t.number
				limit 1
				""".formatted(awaitingThem))
			.param("current", current.id().value())
			.param("who", (who.role() == Role.SCHOOL_STAFF) ? who.schoolCode() : who.districtCode())
			.query((rs, n) -> new TransferId(rs.getObject(1, UUID.class)))
			.optional();
	}

	/**
	 * A district's transfers of the current year: those awaiting its decision as the
	 * district moved out of and as the one moved into, and the finished ones on either
	 * side. The read is on the record.
	 */
	@Transactional
	public DistrictTransfers ofDistrict(String districtCode, SignedIn who) {
		boolean officer = who != null && who.role() == Role.DISTRICT_OFFICER && districtCode.equals(who.districtCode());
		if (!officer && (who == null || who.role() != Role.CITY_ADMIN)) {
			throw new AccessDeniedException("Not an officer of district " + districtCode);
		}
		int year = year();
		List<Transfer> outgoing = jdbc
			.sql(SELECT + " where t.from_district = ? and t.entry_year = ? and t.status = 'SCHOOL_APPROVED'"
					+ " order by t.submitted_at, t.number")
			.params(districtCode, year)
			.query(this::transfer)
			.list();
		List<Transfer> incoming = jdbc
			.sql(SELECT + " where t.to_district = ? and t.entry_year = ? and t.status = 'OUT_APPROVED'"
					+ " order by t.submitted_at, t.number")
			.params(districtCode, year)
			.query(this::transfer)
			.list();
		List<Transfer> finished = jdbc
			.sql(SELECT + " where (t.from_district = ? or t.to_district = ?) and t.entry_year = ?"
					+ " and (t.status = 'APPROVED' or (t.status = 'REJECTED' and t.rejected_stage <> 'SCHOOL'))"
					+ " order by t.changed_at desc, t.number")
			.params(districtCode, districtCode, year)
			.query(this::transfer)
			.list();
		events.publishEvent(new TransferOpened("junior-transfer-list", "district:" + districtCode,
				"district transfer queues", actor(who)));
		return new DistrictTransfers(outgoing, incoming, finished);
	}

	/** A district's two queues and its finished transfers. */
	public record DistrictTransfers(List<Transfer> outgoing, List<Transfer> incoming, List<Transfer> finished) {

	}

	/**
	 * One application for staff who may read it; the read is on the record (R-G9).
	 * @throws NoSuchElementException when there is no such application
	 * @throws AccessDeniedException when it is not the reader's
	 */
	@Transactional
	public Transfer open(TransferId id, String purpose, SignedIn who) {
		Transfer t = byId(id).orElseThrow(() -> new NoSuchElementException("No such transfer"));
		if (!t.readableBy(who)) {
			throw new AccessDeniedException("Not within the transfer's scope");
		}
		events.publishEvent(new TransferOpened("junior-transfer", id.toString(), purpose, actor(who)));
		return t;
	}

	/** A student's applications, newest first, for other modules (no audit entry). */
	@Transactional(readOnly = true)
	public List<Transfer> ofStudent(String educationId) {
		return jdbc.sql(SELECT + " where t.education_id = ? order by t.started_at desc")
			.param(educationId)
			.query(this::transfer)
			.list();
	}

	// --- helpers

	/**
	 * The application as the decider saw it: one they may read, unchanged since their
	 * page showed it (otherwise someone else decided meanwhile).
	 */
	private Transfer toDecide(TransferId id, int expectedVersion, SignedIn who) {
		Transfer t = byId(id).orElseThrow(() -> new NoSuchElementException("No such transfer"));
		if (!t.readableBy(who)) {
			throw new AccessDeniedException("Not within the transfer's scope");
		}
		if (t.version() != expectedVersion) {
			throw new TransferRefused("form", "junior.transfer.error.changed-meanwhile");
		}
		return t;
	}

	/**
	 * The same decision sent again (the first answer was lost, or a double click): the
	 * one change since the decider's page is this person's decision, as asked.
	 */
	private Optional<Transfer> decidedAlready(TransferId id, int expectedVersion, boolean approved, String reason,
			SignedIn who) {
		Transfer t = byId(id).orElseThrow(() -> new NoSuchElementException("No such transfer"));
		if (!t.readableBy(who) || t.version() != expectedVersion + 1) {
			return Optional.empty();
		}
		// in the chain's order: the last one is the latest
		Optional<Transfer.Decision> last = t.decisions().isEmpty() ? Optional.empty()
				: Optional.of(t.decisions().get(t.decisions().size() - 1));
		boolean same = last.isPresent() && last.get().approved() == approved && who.username().equals(last.get().by())
				&& (approved || (t.status() == TransferStatus.REJECTED && reason.equals(t.rejectionReason())));
		return same ? Optional.of(t) : Optional.empty();
	}

	private Transfer draftOf(TransferId id, SignedIn staff) {
		Transfer t = byId(id).orElseThrow(() -> new NoSuchElementException("No such transfer"));
		t.requireDraftOf(staff);
		return t;
	}

	private Optional<Transfer> byId(TransferId id) {
		return jdbc.sql(SELECT + " where t.id = ?").param(id.value()).query(this::transfer).optional();
	}

	private void requireWindow(int year) {
		if (!calendar.isOpen(year, PhaseKind.JUNIOR_TRANSFER)) {
			throw new TransferRefused("form", "junior.transfer.error.window-closed");
		}
	}

	private static void requireSchoolStaff(SignedIn staff) {
		if (staff == null || staff.role() != Role.SCHOOL_STAFF || staff.schoolCode() == null) {
			throw new AccessDeniedException("Only a school's staff start transfers");
		}
	}

	private static void update(JdbcClient.StatementSpec statement) {
		if (statement.update() == 0) {
			throw new TransferRefused("form", "junior.transfer.error.changed-meanwhile");
		}
	}

	private int year() {
		return calendar.currentYear().orElse(calendar.today().getYear());
	}

	private static String column(TransferStage stage) {
		return switch (stage) {
			case SCHOOL -> "school";
			case OUT_DISTRICT -> "out";
			case IN_DISTRICT -> "in";
		};
	}

	private static TransferKind kind(String text) {
		try {
			return TransferKind.valueOf(trim(text));
		}
		catch (IllegalArgumentException ex) {
			throw new TransferRefused("kind", "junior.transfer.error.kind");
		}
	}

	private static String text(String value, int max, String field, boolean required) {
		String text = trim(value);
		if (text.isEmpty()) {
			if (required) {
				throw new TransferRefused(field, "junior.transfer.error." + field);
			}
			return null;
		}
		if (text.length() > max || text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
			throw new TransferRefused(field, "junior.transfer.error." + field);
		}
		return text;
	}

	private static String trim(String value) {
		return (value == null) ? "" : value.strip();
	}

	private static String number(int year) {
		StringBuilder number = new StringBuilder("ZQ").append(year).append('-');
		for (int i = 0; i < 6; i++) {
			number.append(NUMBER_ALPHABET.charAt(random.nextInt(NUMBER_ALPHABET.length())));
		}
		return number.toString();
	}

	private String districtName(String code) {
		return districts.byCode(code).map(District::name).orElse(code);
	}

	private String schoolName(String code) {
		return schools.byCode(code).map(School::name).orElse(code);
	}

	/**
	 * The end of the chain is told to the family (SMS and inbox) and to the school staff
	 * who started and submitted the application (inbox). Texts carry the number and the
	 * district or reason, never a name or an ID number.
	 */
	private List<OutgoingMessage> tell(Transfer t, String template, List<String> arguments) {
		List<OutgoingMessage> messages = new ArrayList<>();
		Student student = students.byEducationId(t.educationId()).orElseThrow();
		Optional<FamilyAccounts.Contact> contact = Optional.ofNullable(student.familyAccount())
			.flatMap(families::contact);
		String inbox = contact.map(FamilyAccounts.Contact::username).orElse(null);
		MobileNumber mobile = contact.map(FamilyAccounts.Contact::mobile).orElse(student.mobile());
		if (inbox != null || mobile != null) {
			messages.add(new OutgoingMessage((mobile != null) ? mobile.value() : null, inbox, template, arguments));
		}
		Set<String> staff = new LinkedHashSet<>();
		staff.add(t.startedBy());
		if (t.submittedBy() != null) {
			staff.add(t.submittedBy());
		}
		for (String username : staff) {
			messages.add(new OutgoingMessage(null, username, template, arguments));
		}
		return messages;
	}

	private void changed(Transfer t, String action, String detail, SignedIn who, List<OutgoingMessage> told) {
		events.publishEvent(
				new TransferChanged(t.id(), t.number(), t.educationId(), action, t.status(), detail, actor(who), told));
	}

	private static Actor actor(SignedIn who) {
		return Actor.of(who.username(), who.role().name());
	}

	private Transfer transfer(ResultSet rs, int row) throws SQLException {
		List<Transfer.Decision> decisions = new ArrayList<>();
		String rejected = rs.getString("rejected_stage");
		for (TransferStage stage : TransferStage.values()) {
			Instant at = instant(rs, column(stage) + "_decided_at");
			if (at != null) {
				decisions.add(new Transfer.Decision(stage, !stage.name().equals(rejected),
						rs.getString(column(stage) + "_decided_by"), at));
			}
		}
		return new Transfer(new TransferId(rs.getObject("id", UUID.class)), rs.getString("number"),
				rs.getString("education_id"), rs.getString("student_name"),
				sealed.open(rs.getBytes("child_id_sealed")).masked(), rs.getInt("entry_year"),
				rs.getString("school_code"), rs.getString("from_district"), rs.getString("to_district"),
				TransferKind.valueOf(rs.getString("kind")), rs.getString("address"), rs.getString("note"),
				TransferStatus.valueOf(rs.getString("status")), rs.getString("started_by"), instant(rs, "started_at"),
				instant(rs, "printed_at"), instant(rs, "signed_at"), instant(rs, "submitted_at"),
				rs.getString("submitted_by"), decisions, (rejected != null) ? TransferStage.valueOf(rejected) : null,
				rs.getString("rejection_reason"), instant(rs, "changed_at"), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
