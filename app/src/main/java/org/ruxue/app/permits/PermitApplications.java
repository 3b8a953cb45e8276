package org.ruxue.app.permits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.AccessPolicy;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.population.InvalidIdCardNumberException;
import org.ruxue.app.population.SealedIdNumbers;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * The five-certificate review (五证审核, R-P7, R-P15): a family applies in one district at a
 * time, fills in the details of each document the district requires and uploads scans;
 * the district checks each document, asks for more material, approves or rejects with a
 * reason. Decisions reach the family only from the district's publication day; an
 * approval then issues the study permit ({@link StudyPermits#issue}) that primary
 * registration requires. Every step is audited; the steps a family must know are told.
 */
@Service
public class PermitApplications {

	private final JdbcClient jdbc;

	private final SealedIdNumbers sealed;

	private final EnrollmentCalendar calendar;

	private final Districts districts;

	private final FamilyAccounts families;

	private final AccessPolicy policy;

	private final StudyPermits permits;

	private final PermitSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final long maxScanBytes;

	PermitApplications(JdbcClient jdbc, SealedIdNumbers sealed, EnrollmentCalendar calendar, Districts districts,
			FamilyAccounts families, AccessPolicy policy, StudyPermits permits, PermitSettings settings,
			ApplicationEventPublisher events, Clock clock,
			@Value("${ruxue.permits.max-scan-size:5MB}") DataSize maxScanSize) {
		this.jdbc = jdbc;
		this.sealed = sealed;
		this.calendar = calendar;
		this.districts = districts;
		this.families = families;
		this.policy = policy;
		this.permits = permits;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
		this.maxScanBytes = maxScanSize.toBytes();
	}

	public Optional<Integer> currentYear() {
		return calendar.currentYear();
	}

	public long maxScanBytes() {
		return maxScanBytes;
	}

	/** The documents the district requires this year (R-P15). */
	public List<RequiredDocument> requiredDocuments(String districtCode, int year) {
		return settings.documents(districtCode, year);
	}

	/** R-P15: the day the district releases its decisions from. */
	public Optional<LocalDate> publicationDay(String districtCode, int year) {
		return settings.publicationDay(districtCode, year);
	}

	// --- the family

	/**
	 * The family starts an application in the district it chose; one district at a time.
	 * @throws PermitRefused naming the field at fault; nothing was written
	 */
	@Transactional
	public PermitApplication start(String districtCode, String childIdNumber, String childName, SignedIn family) {
		requireFamily(family);
		int year = currentYear().orElseThrow(() -> new PermitRefused("form", "permits.error.no-year"));
		District district = districts.byCode(districtCode)
			.orElseThrow(() -> new PermitRefused("form", "permits.error.district"));
		List<PermitProblem> problems = new ArrayList<>();
		String name = text(childName, "childName", 50, true, problems);
		IdCardNumber child = null;
		if (childIdNumber == null || childIdNumber.isBlank()) {
			problems.add(PermitProblem.of("childIdNumber", "permits.error.required"));
		}
		else {
			try {
				child = IdCardNumber.parse(Normalizer.normalize(childIdNumber, Normalizer.Form.NFKC));
				if (!families.isChildOf(family.id(), child)) {
					problems.add(PermitProblem.of("childIdNumber", "permits.error.not-your-child"));
				}
			}
			catch (InvalidIdCardNumberException ex) {
				problems.add(PermitProblem.of("childIdNumber", "id-number.invalid."
						+ ex.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
			}
		}
		if (!problems.isEmpty()) {
			throw new PermitRefused(problems);
		}
		List<RequiredDocument> documents = settings.documents(district.code(), year);
		if (documents.isEmpty()) {
			throw new PermitRefused("form", "permits.error.no-documents", district.name(), year);
		}
		Optional<PermitApplication> open = openOf(child, year);
		if (open.isPresent() && startedJustNow(open.get(), district.code(), family)) {
			return open.get(); // the same start sent again: the first answer was lost
		}
		if (open.isPresent()) {
			throw new PermitRefused("form", "permits.error.already-applying", districtName(open.get().districtCode()),
					open.get().number());
		}
		if (permits.valid(child, district.code(), year).isPresent()) {
			throw new PermitRefused("form", "permits.error.already-permitted", district.name());
		}
		return insert(district.code(), year, child, name, documents, family);
	}

	/**
	 * A draft of this family in this district that nothing was done to since it began.
	 */
	private static boolean startedJustNow(PermitApplication a, String districtCode, SignedIn family) {
		return a.status() == ApplicationStatus.DRAFT && a.version() == 0 && a.districtCode().equals(districtCode)
				&& a.familyAccount().equals(family.id())
				&& a.documents()
					.stream()
					.allMatch(d -> d.scans().isEmpty() && d.fields().stream().allMatch(f -> f.value() == null));
	}

	private PermitApplication insert(String districtCode, int year, IdCardNumber child, String name,
			List<RequiredDocument> documents, SignedIn family) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(clock.instant());
		long sequence = jdbc.sql("select nextval('permit_application_number_seq')").query(Long.class).single();
		String number = "WZ" + year + "-" + districtCode + "-" + String.format("%06d", sequence);
		try {
			jdbc.sql("""
					insert into permit_application (id, number, year, district_code, family_account, child_id_hash,
					  child_id_sealed, child_name, status, created_at, changed_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)
					""")
				.params(id, number, year, districtCode, family.id().value(), sealed.lookupHash(child),
						sealed.seal(child), name, now, now)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// R-P15: another request for the child won the race
			throw new PermitRefused("form", "permits.error.already-applying-race");
		}
		for (RequiredDocument d : documents) {
			jdbc.sql("""
					insert into permit_application_document (application_id, position, code, name, name_en,
					  min_scans, max_scans)
					values (?, ?, ?, ?, ?, ?, ?)
					""").params(id, d.position(), d.code(), d.name(), d.nameEn(), d.minScans(), d.maxScans()).update();
			int position = 1;
			for (RequiredDocument.Field f : d.fields()) {
				jdbc.sql("""
						insert into permit_application_field (application_id, document, position, label, label_en,
						  required, kind)
						values (?, ?, ?, ?, ?, ?, ?)
						""")
					.params(id, d.position(), position++, f.label(), f.labelEn(), f.required(), f.kind().name())
					.update();
			}
		}
		PermitApplication started = byId(new PermitApplicationId(id)).orElseThrow();
		publish(started, "started", "district=" + districtCode, List.of(), actor(family), false);
		return started;
	}

	/** The family's applications, newest first, as the family may see them. */
	@Transactional(readOnly = true)
	public List<PermitApplication> ofFamily(SignedIn family) {
		requireFamily(family);
		return jdbc.sql("select * from permit_application where family_account = ? order by created_at desc")
			.param(family.id().value())
			.query(this::application)
			.list()
			.stream()
			.map(PermitApplication::forFamily)
			.toList();
	}

	/** One application for its family, as the family may see it (R-P15). */
	@Transactional(readOnly = true)
	public PermitApplication openForFamily(PermitApplicationId id, SignedIn family) {
		return own(id, family).forFamily();
	}

	/**
	 * Saves the details the family typed; required ones are asked for when it submits.
	 * @param values by form parameter ({@link PermitApplication.FieldValue#param})
	 */
	@Transactional
	public PermitApplication saveDetails(PermitApplicationId id, int expectedVersion, Map<String, String> values,
			SignedIn family) {
		PermitApplication a = editable(id, family);
		List<PermitProblem> problems = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		for (PermitApplication.Document d : a.documents()) {
			for (PermitApplication.FieldValue f : d.fields()) {
				String param = f.param(d.position());
				String value = checkedValue(f, values.get(param), param, false, problems);
				updates.add(new Object[] { value, a.id().value(), d.position(), f.position() });
			}
		}
		if (!problems.isEmpty()) {
			throw new PermitRefused(problems);
		}
		if (a.version() > expectedVersion && updates.stream().allMatch(u -> Objects.equals(u[0], stored(a, u)))) {
			return a; // the same details sent again
		}
		bump(a, expectedVersion);
		for (Object[] u : updates) {
			jdbc.sql("update permit_application_field set value = ? where application_id = ? and document = ? "
					+ "and position = ?")
				.params(u)
				.update();
		}
		publish(a, "details-saved", null, List.of(), actor(family), false);
		return byId(id).orElseThrow();
	}

	private static String stored(PermitApplication a, Object[] update) {
		int document = (Integer) update[2];
		int position = (Integer) update[3];
		return a.documents()
			.stream()
			.filter(d -> d.position() == document)
			.flatMap(d -> d.fields().stream())
			.filter(f -> f.position() == position)
			.map(PermitApplication.FieldValue::value)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Adds a scan to a document; only what {@link ScanRule} accepts is stored, and only
	 * in the database, never under the web root.
	 */
	@Transactional
	public PermitApplication.ScanInfo addScan(PermitApplicationId id, int document, String fileName, byte[] content,
			SignedIn family) {
		PermitApplication a = editable(id, family);
		PermitApplication.Document d = a.documents()
			.stream()
			.filter(x -> x.position() == document)
			.findFirst()
			.orElseThrow(() -> new PermitRefused("document", "permits.error.no-such-document"));
		ScanRule.Scan scan = ScanRule.check(fileName, content, maxScanBytes);
		// the same file sent again for the same document is kept once
		Optional<PermitApplication.ScanInfo> same = sameScan(a.id(), document, scan.sha256());
		if (same.isPresent()) {
			return same.get();
		}
		if (d.full()) {
			throw new PermitRefused("file", "permits.scan.too-many", d.maxScans());
		}
		UUID scanId = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into permit_scan (id, application_id, document, file_name, content_type, size, sha256,
				  uploaded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(scanId, a.id().value(), document, scan.fileName(), scan.type().mediaType(), content.length,
					scan.sha256(), Timestamp.from(now))
			.update();
		jdbc.sql("insert into permit_scan_content (scan_id, content) values (?, ?)").params(scanId, content).update();
		touch(a);
		publish(a, "scan-added", "document=" + d.code() + " type=" + scan.type() + " sha256=" + scan.sha256(),
				List.of(), actor(family), false);
		return new PermitApplication.ScanInfo(scanId, scan.fileName(), scan.type(), content.length, now);
	}

	private Optional<PermitApplication.ScanInfo> sameScan(PermitApplicationId id, int document, String sha256) {
		return jdbc.sql("""
				select id, file_name, content_type, size, uploaded_at from permit_scan
				where application_id = ? and document = ? and sha256 = ?
				""")
			.params(id.value(), document, sha256)
			.query((rs, n) -> new PermitApplication.ScanInfo(rs.getObject("id", UUID.class), rs.getString("file_name"),
					ScanType.ofMediaType(rs.getString("content_type")), rs.getInt("size"),
					rs.getTimestamp("uploaded_at").toInstant()))
			.optional();
	}

	@Transactional
	public void removeScan(PermitApplicationId id, UUID scanId, SignedIn family) {
		PermitApplication a = editable(id, family);
		int removed = jdbc.sql("delete from permit_scan where id = ? and application_id = ?")
			.params(scanId, a.id().value())
			.update();
		if (removed == 0) {
			return; // removed already: the same request sent again
		}
		touch(a);
		publish(a, "scan-removed", "scan=" + scanId, List.of(), actor(family), false);
	}

	/** Sends the application to the district: every required detail and scan is there. */
	@Transactional
	public PermitApplication submit(PermitApplicationId id, int expectedVersion, SignedIn family) {
		PermitApplication mine = own(id, family);
		if (mine.version() > expectedVersion && mine.status() == ApplicationStatus.SUBMITTED) {
			return mine; // submitted by the same form, sent again
		}
		PermitApplication a = editable(id, family);
		List<PermitProblem> problems = new ArrayList<>();
		for (PermitApplication.Document d : a.documents()) {
			for (PermitApplication.FieldValue f : d.fields()) {
				checkedValue(f, f.value(), f.param(d.position()), true, problems);
			}
			if (d.scans().size() < d.minScans()) {
				problems.add(PermitProblem.of("scans" + d.position(), "permits.error.scans-missing", d.minScans()));
			}
		}
		if (!problems.isEmpty()) {
			throw new PermitRefused(problems);
		}
		int updated = jdbc.sql("""
				update permit_application set status = 'SUBMITTED', request_note = null, request_due_on = null,
				  submitted_at = ?, changed_at = ?, version = version + 1
				where id = ? and version = ?
				""")
			.params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), a.id().value(), expectedVersion)
			.update();
		if (updated == 0) {
			throw new PermitRefused("form", "permits.error.changed-meanwhile");
		}
		// a document found insufficient is checked again
		jdbc.sql("""
				update permit_application_document set check_result = 'UNCHECKED', check_note = null
				where application_id = ? and check_result = 'INSUFFICIENT'
				""").param(a.id().value()).update();
		PermitApplication submitted = byId(id).orElseThrow();
		publish(submitted, "submitted", null, List.of(), actor(family), true);
		return submitted;
	}

	/**
	 * The family withdraws to apply elsewhere, also when a decision was made but not yet
	 * released (the family cannot know of it; the discarded decision is on the record).
	 */
	@Transactional
	public PermitApplication withdraw(PermitApplicationId id, int expectedVersion, SignedIn family) {
		PermitApplication a = own(id, family);
		if (a.version() > expectedVersion && a.status() == ApplicationStatus.WITHDRAWN) {
			return a;
		}
		boolean open = a.status().editable() || a.status() == ApplicationStatus.SUBMITTED || a.decisionWithheld();
		if (!open) {
			throw new PermitRefused("form", "permits.error.not-withdrawable");
		}
		int updated = jdbc.sql("""
				update permit_application set status = 'WITHDRAWN', request_note = null, request_due_on = null,
				  decided_at = null, changed_at = ?, version = version + 1
				where id = ? and version = ?
				""").params(Timestamp.from(clock.instant()), a.id().value(), expectedVersion).update();
		if (updated == 0) {
			throw new PermitRefused("form", "permits.error.changed-meanwhile");
		}
		PermitApplication withdrawn = byId(id).orElseThrow();
		publish(withdrawn, "withdrawn", a.decisionWithheld() ? "discarded-decision=" + a.status() : null, List.of(),
				actor(family), true);
		return withdrawn;
	}

	/** A scan for its family (its own application only). */
	@Transactional(readOnly = true)
	public StoredScan scanForFamily(UUID scanId, SignedIn family) {
		requireFamily(family);
		StoredScan scan = scan(scanId);
		PermitApplication a = byId(scan.applicationId()).orElseThrow();
		if (!a.familyAccount().equals(family.id())) {
			throw new NoSuchElementException("No such scan");
		}
		return scan;
	}

	/** A scan's content as stored, with the type it was recognised as. */
	public record StoredScan(UUID id, PermitApplicationId applicationId, String fileName, ScanType type,
			byte[] content) {

	}

	// --- the district

	/**
	 * A line of the district's queue: the child's name masked. A district's queue is all
	 * its applications of the year (at most 20,000, far above a district's year).
	 */
	public record QueueLine(PermitApplicationId id, String number, String maskedName, ApplicationStatus status,
			boolean withheld, LocalDate requestDueOn, boolean overdue, Instant submittedAt) {

	}

	@Transactional
	public List<QueueLine> queue(String districtCode, int year, ApplicationStatus status, SignedIn officer) {
		requireReader(officer, districtCode);
		LocalDate today = calendar.today();
		List<QueueLine> lines = jdbc.sql("""
				select * from permit_application
				where district_code = ? and year = ? and status <> 'DRAFT' and (cast(? as text) is null or status = ?)
				order by submitted_at nulls last, number limit 20000
				""")
			.params(districtCode, year, (status != null) ? status.name() : null,
					(status != null) ? status.name() : null)
			.query((rs, n) -> {
				java.sql.Date due = rs.getDate("request_due_on");
				Timestamp submitted = rs.getTimestamp("submitted_at");
				ApplicationStatus s = ApplicationStatus.valueOf(rs.getString("status"));
				return new QueueLine(new PermitApplicationId(rs.getObject("id", UUID.class)), rs.getString("number"),
						PermitApplication.maskName(rs.getString("child_name")), s,
						s.decision() && rs.getTimestamp("released_at") == null,
						(due != null) ? due.toLocalDate() : null, due != null && due.toLocalDate().isBefore(today),
						(submitted != null) ? submitted.toInstant() : null);
			})
			.list();
		events.publishEvent(new PermitApplicationOpened("permit-queue", districtCode + ":" + year,
				"queue, " + lines.size() + " lines", actor(officer)));
		return lines;
	}

	/**
	 * The application awaiting the district's review that follows this one in the queue's
	 * order (submitted, then number), or the queue's first when none follows: the review
	 * page's "next" (issue 12). Only an id, which the page's own access check then reads.
	 */
	@Transactional(readOnly = true)
	public Optional<PermitApplicationId> nextToReview(PermitApplication current, SignedIn officer) {
		requireReader(officer, current.districtCode());
		return jdbc.sql("""
				select a.id from permit_application a, permit_application c
				where c.id = :current and a.district_code = c.district_code and a.year = c.year
				  and a.status = 'SUBMITTED' and a.id <> c.id
				order by c.submitted_at is not null and (a.submitted_at, a.number) < (c.submitted_at, c.number),
				  a.submitted_at, a.number
				limit 1
				""")
			.param("current", current.id().value())
			.query((rs, n) -> new PermitApplicationId(rs.getObject(1, UUID.class)))
			.optional();
	}

	/** One application for staff of its district (or the city), on the record. */
	@Transactional
	public PermitApplication open(PermitApplicationId id, String purpose, SignedIn staff) {
		PermitApplication a = byId(id).orElseThrow(() -> new NoSuchElementException("No such application"));
		if (staff == null || staff.role() == Role.PARENT || a.status() == ApplicationStatus.DRAFT) {
			throw new NoSuchElementException("No such application");
		}
		requireReader(staff, a.districtCode());
		events.publishEvent(new PermitApplicationOpened("permit-application", id.toString(), purpose, actor(staff)));
		return a;
	}

	/**
	 * A scan for the reviewing district only (issue 7: readable by the family and the
	 * reviewing district), on the record.
	 */
	@Transactional
	public StoredScan scanForDistrict(UUID scanId, SignedIn officer) {
		StoredScan scan = scan(scanId);
		PermitApplication a = byId(scan.applicationId()).orElseThrow();
		if (officer == null || officer.role() != Role.DISTRICT_OFFICER
				|| !a.districtCode().equals(officer.districtCode()) || a.status() == ApplicationStatus.DRAFT) {
			throw new NoSuchElementException("No such scan");
		}
		events.publishEvent(new PermitApplicationOpened("permit-scan", scanId.toString(),
				"scan of " + a.number() + ", " + scan.type(), actor(officer)));
		return scan;
	}

	/** The district's check of one document; an insufficient one says why. */
	@Transactional
	public PermitApplication checkDocument(PermitApplicationId id, int expectedVersion, int document,
			DocumentCheck result, String note, SignedIn officer) {
		PermitApplication a = underReview(id, officer, ApplicationStatus.SUBMITTED);
		if (result == null || result == DocumentCheck.UNCHECKED) {
			throw new PermitRefused("result", "permits.error.choice");
		}
		String why = (result == DocumentCheck.INSUFFICIENT) ? reason(note, "note") : optional(note, 500);
		PermitApplication.Document d = a.documents()
			.stream()
			.filter(x -> x.position() == document)
			.findFirst()
			.orElseThrow(() -> new PermitRefused("document", "permits.error.no-such-document"));
		if (a.version() > expectedVersion && d.check() == result && Objects.equals(d.checkNote(), why)) {
			return a; // the same check sent again
		}
		bump(a, expectedVersion);
		jdbc.sql("""
				update permit_application_document set check_result = ?, check_note = ?
				where application_id = ? and position = ?
				""").params(result.name(), why, a.id().value(), document).update();
		publish(a, "document-checked", "document=" + d.code() + " result=" + result, List.of(), actor(officer), false);
		return byId(id).orElseThrow();
	}

	/** The district asks for more material: the family is told what and by when. */
	@Transactional
	public PermitApplication requestMore(PermitApplicationId id, int expectedVersion, String note, String dueOn,
			SignedIn officer) {
		PermitApplication a = reviewedBy(id, officer);
		if (a.version() > expectedVersion && a.status() == ApplicationStatus.MORE_REQUESTED
				&& sameRequest(a, note, dueOn)) {
			return a; // the same request sent again
		}
		requireStatus(a, ApplicationStatus.SUBMITTED);
		List<PermitProblem> problems = new ArrayList<>();
		String what = null;
		try {
			what = reason(note, "note");
		}
		catch (PermitRefused refused) {
			problems.addAll(refused.problems());
		}
		LocalDate due = null;
		try {
			due = LocalDate.parse((dueOn != null) ? dueOn.strip() : "");
			if (due.isBefore(calendar.today())) {
				problems.add(PermitProblem.of("dueOn", "permits.error.due-past"));
			}
		}
		catch (DateTimeParseException ex) {
			problems.add(PermitProblem.of("dueOn", "permits.error.date"));
		}
		if (!problems.isEmpty()) {
			throw new PermitRefused(problems);
		}
		int updated = jdbc.sql("""
				update permit_application set status = 'MORE_REQUESTED', request_note = ?, request_due_on = ?,
				  changed_at = ?, version = version + 1
				where id = ? and version = ?
				""").params(what, due, Timestamp.from(clock.instant()), a.id().value(), expectedVersion).update();
		if (updated == 0) {
			throw new PermitRefused("form", "permits.error.changed-meanwhile");
		}
		PermitApplication asked = byId(id).orElseThrow();
		publish(asked, "more-requested", "due=" + due, List.of(what, due.toString()), actor(officer), true);
		return asked;
	}

	private static boolean sameRequest(PermitApplication a, String note, String dueOn) {
		try {
			return Objects.equals(a.requestNote(), reason(note, "note"))
					&& Objects.equals(a.requestDueOn(), LocalDate.parse(String.valueOf(dueOn).strip()));
		}
		catch (PermitRefused | DateTimeParseException ex) {
			return false;
		}
	}

	/**
	 * Approval needs every document checked and accepted. The family learns of it, and
	 * the permit is issued, when the decision is released (R-P15).
	 */
	@Transactional
	public PermitApplication approve(PermitApplicationId id, int expectedVersion, SignedIn officer) {
		PermitApplication a = reviewedBy(id, officer);
		if (decidedAlready(a, expectedVersion, ApplicationStatus.APPROVED, null)) {
			return a;
		}
		requireStatus(a, ApplicationStatus.SUBMITTED);
		if (a.documents().stream().anyMatch(d -> d.check() != DocumentCheck.ACCEPTED)) {
			throw new PermitRefused("form", "permits.error.documents-unchecked");
		}
		return decide(a, expectedVersion, ApplicationStatus.APPROVED, null, officer);
	}

	@Transactional
	public PermitApplication reject(PermitApplicationId id, int expectedVersion, String reason, SignedIn officer) {
		PermitApplication a = reviewedBy(id, officer);
		if (decidedAlready(a, expectedVersion, ApplicationStatus.REJECTED, reason(reason, "reason"))) {
			return a;
		}
		requireStatus(a, ApplicationStatus.SUBMITTED, ApplicationStatus.MORE_REQUESTED);
		return decide(a, expectedVersion, ApplicationStatus.REJECTED, reason(reason, "reason"), officer);
	}

	/**
	 * The same decision sent again (the first answer was lost, or a double click): the
	 * form's version is behind and the application holds exactly that decision.
	 */
	private static boolean decidedAlready(PermitApplication a, int expectedVersion, ApplicationStatus decision,
			String reason) {
		return a.version() > expectedVersion && a.status() == decision && Objects.equals(a.decisionReason(), reason);
	}

	private PermitApplication decide(PermitApplication a, int expectedVersion, ApplicationStatus decision,
			String reason, SignedIn officer) {
		Instant now = clock.instant();
		int updated = jdbc.sql("""
				update permit_application set status = ?, decision_reason = ?, decided_at = ?, decided_by = ?,
				  request_note = null, request_due_on = null, changed_at = ?, version = version + 1
				where id = ? and version = ?
				""")
			.params(decision.name(), reason, Timestamp.from(now), officer.username(), Timestamp.from(now),
					a.id().value(), expectedVersion)
			.update();
		if (updated == 0) {
			throw new PermitRefused("form", "permits.error.changed-meanwhile");
		}
		PermitApplication decided = byId(a.id()).orElseThrow();
		publish(decided, decision.name().toLowerCase(java.util.Locale.ROOT),
				(reason != null) ? "reason=" + reason : null, List.of(), actor(officer), false);
		if (due(decided.districtCode(), decided.year(), now)) {
			release(decided.id(), now);
		}
		return byId(a.id()).orElseThrow();
	}

	/**
	 * R-P7: the district revokes a released permit; the family is told, and the
	 * registration that depended on it is flagged to the district (primary listens to
	 * {@link StudyPermitRevoked}).
	 */
	@Transactional
	public PermitApplication revoke(PermitApplicationId id, int expectedVersion, String reason, SignedIn officer) {
		PermitApplication a = open(id, "revoke", officer);
		requireOfficerOf(officer, a.districtCode());
		if (a.version() > expectedVersion && a.status() == ApplicationStatus.REVOKED
				&& Objects.equals(a.decisionReason(), reason(reason, "reason"))) {
			return a;
		}
		if (a.status() != ApplicationStatus.APPROVED || a.permitNumber() == null) {
			throw new PermitRefused("form", "permits.error.not-revocable");
		}
		String why = reason(reason, "reason");
		int updated = jdbc.sql("""
				update permit_application set status = 'REVOKED', decision_reason = ?, changed_at = ?,
				  version = version + 1
				where id = ? and version = ?
				""").params(why, Timestamp.from(clock.instant()), a.id().value(), expectedVersion).update();
		if (updated == 0) {
			throw new PermitRefused("form", "permits.error.changed-meanwhile");
		}
		permits.revoke(a.permitNumber(), why, actor(officer));
		PermitApplication revoked = byId(id).orElseThrow();
		publish(revoked, "revoked", "permit=" + a.permitNumber(), List.of(a.permitNumber(), why), actor(officer), true);
		return revoked;
	}

	/**
	 * The district's publication day of the year; decisions waiting for it are released.
	 */
	@Transactional
	public void setPublicationDay(String districtCode, int year, String day, SignedIn officer) {
		requireOfficerOf(officer, districtCode);
		settings.setPublicationDay(districtCode, year, day, actor(officer));
		for (PermitApplicationId id : dueForRelease(clock.instant(), districtCode)) {
			release(id, clock.instant());
		}
	}

	@Transactional
	public void defineDocuments(String districtCode, int year, String text, SignedIn officer) {
		requireOfficerOf(officer, districtCode);
		settings.defineDocuments(districtCode, year, text, actor(officer));
	}

	// --- release (R-P15), used by PermitReleases

	/** Whether the district's decisions of the year are released at {@code now}. */
	boolean due(String districtCode, int year, Instant now) {
		return settings.publicationDay(districtCode, year)
			.map(day -> !now.isBefore(day.atStartOfDay(clock.getZone()).toInstant()))
			.orElse(false);
	}

	/** Decided applications whose publication day has come, of one district or all. */
	@Transactional(readOnly = true)
	List<PermitApplicationId> dueForRelease(Instant now, String districtCode) {
		return jdbc.sql("""
				select id, district_code, year from permit_application
				where decided_at is not null and released_at is null and (cast(? as text) is null or district_code = ?)
				order by decided_at
				""")
			.params(districtCode, districtCode)
			.query((rs, n) -> due(rs.getString("district_code"), rs.getInt("year"), now)
					? new PermitApplicationId(rs.getObject("id", UUID.class)) : null)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	/**
	 * Releases one decision: an approval issues the permit; the family is told. Locked,
	 * so that two nodes never release one decision twice.
	 */
	@Transactional
	boolean release(PermitApplicationId id, Instant now) {
		Optional<UUID> locked = jdbc.sql("""
				select id from permit_application
				where id = ? and decided_at is not null and released_at is null for update skip locked
				""").param(id.value()).query(UUID.class).optional();
		if (locked.isEmpty()) {
			return false;
		}
		PermitApplication a = byId(id).orElseThrow();
		Actor by = new Actor(a.decidedBy(), Role.DISTRICT_OFFICER.name(), null);
		String permitNumber = null;
		if (a.status() == ApplicationStatus.APPROVED) {
			// a permit the district issued meanwhile by another way is the child's permit
			permitNumber = permits.valid(a.child(), a.districtCode(), a.year())
				.map(StudyPermit::number)
				.orElseGet(() -> permits.issue(a.child(), a.childName(), a.districtCode(), a.year(), by).number());
		}
		jdbc.sql("update permit_application set released_at = ?, permit_number = ?, version = version + 1 where id = ?")
			.params(Timestamp.from(now), permitNumber, id.value())
			.update();
		PermitApplication released = byId(id).orElseThrow();
		if (permitNumber != null) {
			publish(released, "released-approved", "permit=" + permitNumber, List.of(permitNumber), Actor.SYSTEM, true);
		}
		else {
			publish(released, "released-rejected", null, List.of(a.decisionReason()), Actor.SYSTEM, true);
		}
		return true;
	}

	// --- shared

	private PermitApplication own(PermitApplicationId id, SignedIn family) {
		requireFamily(family);
		PermitApplication a = byId(id).orElseThrow(() -> new NoSuchElementException("No such application"));
		if (!policy.permits(family, a.scope())) {
			throw new NoSuchElementException("No such application");
		}
		return a;
	}

	private PermitApplication editable(PermitApplicationId id, SignedIn family) {
		PermitApplication a = own(id, family);
		if (!a.status().editable()) {
			throw new PermitRefused("form", "permits.error.not-editable");
		}
		return a;
	}

	private PermitApplication underReview(PermitApplicationId id, SignedIn officer, ApplicationStatus... allowed) {
		PermitApplication a = reviewedBy(id, officer);
		requireStatus(a, allowed);
		return a;
	}

	private PermitApplication reviewedBy(PermitApplicationId id, SignedIn officer) {
		PermitApplication a = open(id, "review", officer);
		requireOfficerOf(officer, a.districtCode());
		return a;
	}

	private static void requireStatus(PermitApplication a, ApplicationStatus... allowed) {
		if (!List.of(allowed).contains(a.status())) {
			throw new PermitRefused("form", "permits.error.not-reviewable");
		}
	}

	private void bump(PermitApplication a, int expectedVersion) {
		int updated = jdbc.sql("""
				update permit_application set changed_at = ?, version = version + 1 where id = ? and version = ?
				""").params(Timestamp.from(clock.instant()), a.id().value(), expectedVersion).update();
		if (updated == 0) {
			throw new PermitRefused("form", "permits.error.changed-meanwhile");
		}
	}

	private void touch(PermitApplication a) {
		jdbc.sql("update permit_application set changed_at = ?, version = version + 1 where id = ?")
			.params(Timestamp.from(clock.instant()), a.id().value())
			.update();
	}

	private static void requireFamily(SignedIn who) {
		if (who == null || who.role() != Role.PARENT) {
			throw new AccessDeniedException("Only a family applies for its child");
		}
	}

	/** Officers of the district review; the city reads. */
	private void requireReader(SignedIn who, String districtCode) {
		boolean staff = who != null && (who.role() == Role.CITY_ADMIN || who.role() == Role.DISTRICT_OFFICER);
		if (!staff || !policy.permits(who, new AccessPolicy.Scope(districtCode, null, null))) {
			throw new AccessDeniedException("Not an officer of district " + districtCode);
		}
	}

	private static void requireOfficerOf(SignedIn who, String districtCode) {
		if (who == null || who.role() != Role.DISTRICT_OFFICER || !districtCode.equals(who.districtCode())) {
			throw new AccessDeniedException("Not an officer of district " + districtCode);
		}
	}

	private void publish(PermitApplication a, String action, String detail, List<String> arguments, Actor by,
			boolean tell) {
		String mobile = null;
		String inbox = null;
		if (tell) {
			Optional<FamilyAccounts.Contact> contact = families.contact(a.familyAccount());
			inbox = contact.map(FamilyAccounts.Contact::username).orElse(null);
			mobile = contact.map(FamilyAccounts.Contact::mobile).map(MobileNumber::value).orElse(null);
		}
		events.publishEvent(new PermitApplicationEvent(a.id(), a.number(), action, a.status(), detail, arguments, by,
				mobile, inbox));
	}

	private static Actor actor(SignedIn who) {
		return Actor.of(who.username(), who.role().name());
	}

	private String districtName(String code) {
		return districts.byCode(code).map(District::name).orElse(code);
	}

	private static String checkedValue(PermitApplication.FieldValue f, String raw, String param, boolean submitting,
			List<PermitProblem> problems) {
		String value = (raw == null || raw.isBlank()) ? null : Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC);
		if (value == null) {
			if (submitting && f.required()) {
				problems.add(PermitProblem.of(param, "permits.error.required"));
			}
			return null;
		}
		if (value.length() > 200) {
			problems.add(PermitProblem.of(param, "permits.error.too-long", 200));
			return null;
		}
		if (f.kind() == RequiredDocument.FieldKind.DATE) {
			try {
				LocalDate.parse(value);
			}
			catch (DateTimeParseException ex) {
				problems.add(PermitProblem.of(param, "permits.error.date"));
				return null;
			}
		}
		return value;
	}

	private static String text(String raw, String field, int max, boolean required, List<PermitProblem> problems) {
		if (raw == null || raw.isBlank()) {
			if (required) {
				problems.add(PermitProblem.of(field, "permits.error.required"));
			}
			return null;
		}
		String value = Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC);
		if (value.length() > max) {
			problems.add(PermitProblem.of(field, "permits.error.too-long", max));
			return null;
		}
		return value;
	}

	private static String reason(String raw, String field) {
		List<PermitProblem> problems = new ArrayList<>();
		String value = text(raw, field, 500, true, problems);
		if (!problems.isEmpty()) {
			throw new PermitRefused(problems);
		}
		return value;
	}

	private static String optional(String raw, int max) {
		List<PermitProblem> problems = new ArrayList<>();
		String value = text(raw, "note", max, false, problems);
		if (!problems.isEmpty()) {
			throw new PermitRefused(problems);
		}
		return value;
	}

	@Transactional(readOnly = true)
	public Optional<PermitApplication> openOf(IdCardNumber child, int year) {
		return jdbc.sql("""
				select * from permit_application
				where child_id_hash = ? and year = ? and status not in ('WITHDRAWN', 'REJECTED', 'REVOKED')
				""").params(sealed.lookupHash(child), year).query(this::application).optional();
	}

	Optional<PermitApplication> byId(PermitApplicationId id) {
		return jdbc.sql("select * from permit_application where id = ?")
			.param(id.value())
			.query(this::application)
			.optional();
	}

	private StoredScan scan(UUID scanId) {
		return jdbc.sql("""
				select s.id, s.application_id, s.file_name, s.content_type, c.content
				from permit_scan s join permit_scan_content c on c.scan_id = s.id where s.id = ?
				""")
			.param(scanId)
			.query((rs, n) -> new StoredScan(rs.getObject("id", UUID.class),
					new PermitApplicationId(rs.getObject("application_id", UUID.class)), rs.getString("file_name"),
					ScanType.ofMediaType(rs.getString("content_type")), rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No such scan"));
	}

	private PermitApplication application(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<PermitApplication.Document> documents = jdbc
			.sql("select * from permit_application_document where application_id = ? order by position")
			.param(id)
			.query((d, n) -> document(id, d))
			.list();
		java.sql.Date due = rs.getDate("request_due_on");
		return new PermitApplication(new PermitApplicationId(id), rs.getString("number"), rs.getInt("year"),
				rs.getString("district_code"), new AccountId(rs.getObject("family_account", UUID.class)),
				sealed.open(rs.getBytes("child_id_sealed")), rs.getString("child_name"),
				ApplicationStatus.valueOf(rs.getString("status")), rs.getString("request_note"),
				(due != null) ? due.toLocalDate() : null, rs.getString("decision_reason"), instant(rs, "decided_at"),
				rs.getString("decided_by"), instant(rs, "released_at"), rs.getString("permit_number"),
				instant(rs, "submitted_at"), instant(rs, "changed_at"), rs.getInt("version"), documents);
	}

	private PermitApplication.Document document(UUID application, ResultSet d) throws SQLException {
		int position = d.getInt("position");
		List<PermitApplication.FieldValue> fields = jdbc.sql("""
				select * from permit_application_field where application_id = ? and document = ? order by position
				""")
			.params(application, position)
			.query((f, n) -> new PermitApplication.FieldValue(f.getInt("position"), f.getString("label"),
					f.getString("label_en"), f.getBoolean("required"),
					RequiredDocument.FieldKind.valueOf(f.getString("kind")), f.getString("value")))
			.list();
		List<PermitApplication.ScanInfo> scans = jdbc.sql("""
				select id, file_name, content_type, size, uploaded_at from permit_scan
				where application_id = ? and document = ? order by uploaded_at, id
				""")
			.params(application, position)
			.query((s, n) -> new PermitApplication.ScanInfo(s.getObject("id", UUID.class), s.getString("file_name"),
					ScanType.ofMediaType(s.getString("content_type")), s.getInt("size"),
					s.getTimestamp("uploaded_at").toInstant()))
			.list();
		return new PermitApplication.Document(position, d.getString("code"), d.getString("name"),
				d.getString("name_en"), d.getInt("min_scans"), d.getInt("max_scans"),
				DocumentCheck.valueOf(d.getString("check_result")), d.getString("check_note"), fields, scans);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return (t != null) ? t.toInstant() : null;
	}

}
