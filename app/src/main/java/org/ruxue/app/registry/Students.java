package org.ruxue.app.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.identity.AccessPolicy;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.population.SealedIdNumbers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The students of junior-high entry and their enrollment paths. Families read their own
 * student; staff read within their scope, and each staff read is on the record (R-G9).
 */
@Service
public class Students {

	private static final String SELECT = """
			select s.*, f.account_id as family_account from student s
			left join family_account f on f.education_id = s.education_id
			""";

	private final JdbcClient jdbc;

	private final SealedIdNumbers sealed;

	private final AccessPolicy policy;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JdbcTemplate batch;

	Students(JdbcClient jdbc, SealedIdNumbers sealed, AccessPolicy policy, ApplicationEventPublisher events,
			Clock clock, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.sealed = sealed;
		this.policy = policy;
		this.events = events;
		this.clock = clock;
	}

	/** For other modules' facades, which check access themselves: no audit entry. */
	@Transactional(readOnly = true)
	public Optional<Student> byEducationId(String educationId) {
		return jdbc.sql(SELECT + " where s.education_id = ?").param(educationId).query(this::student).optional();
	}

	/**
	 * The child's record of an entry year, for other modules' facades (a form sent twice
	 * finds what the first wrote): no audit entry, as for {@link #byEducationId}.
	 */
	@Transactional(readOnly = true)
	public Optional<Student> ofChild(IdCardNumber child, int entryYear) {
		return jdbc.sql("select education_id from student where child_id_hash = ? and entry_year = ?")
			.params(sealed.lookupHash(child), entryYear)
			.query(String.class)
			.optional()
			.flatMap(this::byEducationId);
	}

	/**
	 * Many students at once, by education ID, for other modules' facades working on a
	 * whole draw (the hand-over of a published result): no audit entry, as for
	 * {@link #byEducationId}.
	 */
	@Transactional(readOnly = true)
	public Map<String, Student> byEducationIds(java.util.Collection<String> educationIds) {
		List<String> ids = List.copyOf(educationIds);
		Map<String, Student> found = new java.util.HashMap<>();
		for (int from = 0; from < ids.size(); from += 1000) {
			jdbc.sql(SELECT + " where s.education_id in (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
				.query(this::student)
				.list()
				.forEach(student -> found.put(student.educationId(), student));
		}
		return found;
	}

	/**
	 * The education IDs of the students entering junior high in the district in the year,
	 * for facades that work on a district's whole cohort (the draw, R-J7).
	 */
	@Transactional(readOnly = true)
	public List<String> educationIdsIn(String districtCode, int entryYear) {
		return jdbc.sql("select education_id from student where district_code = ? and entry_year = ? order by 1")
			.params(districtCode, entryYear)
			.query(String.class)
			.list();
	}

	/** The signed-in family's student, if the registry holds one for its education ID. */
	@Transactional(readOnly = true)
	public Optional<Student> ofFamily(SignedIn parent) {
		if (parent.role() != Role.PARENT) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + " where f.account_id = ?").param(parent.id().value()).query(this::student).optional();
	}

	/**
	 * One student for staff within their scope; the read is on the record.
	 * @throws NoSuchElementException when there is no such student
	 * @throws org.springframework.security.access.AccessDeniedException outside the scope
	 */
	@Transactional
	public Student open(String educationId, String purpose, SignedIn who) {
		Student student = byEducationId(educationId).orElseThrow(() -> new NoSuchElementException("No such student"));
		policy.require(who, student.scope());
		if (who.role() != Role.PARENT) {
			events.publishEvent(new StudentOpened(educationId, purpose, actor(who)));
		}
		return student;
	}

	/**
	 * One page of a district's students (issue 12: the staff table), found by the exact
	 * education ID or name, sorted by one of {@link #LIST_ORDERS} (else by year, school,
	 * class and name), the page (from 0) clamped to the last; for staff within their
	 * scope (a district officer their own district, the city any), the read on the record
	 * (R-G9).
	 * @throws org.springframework.security.access.AccessDeniedException outside the scope
	 */
	@Transactional
	public StudentListing inDistrict(String districtCode, String query, String sort, boolean descending, int page,
			int pageSize, SignedIn who) {
		policy.require(who, new AccessPolicy.Scope(districtCode, null, null));
		Listing listing = listing(districtCode, query, sort, descending);
		long total = jdbc.sql("select count(*) from student s" + listing.condition())
			.params(listing.params())
			.query(Long.class)
			.single();
		int size = Math.clamp(pageSize, 1, 500);
		int at = (int) Math.min(Math.max(0, page), Math.max(0, (total - 1) / size));
		List<Object> pageParams = new java.util.ArrayList<>(listing.params());
		pageParams.add(size);
		pageParams.add((long) at * size);
		List<Student> students = jdbc.sql(SELECT + listing.condition() + listing.order() + " limit ? offset ?")
			.params(pageParams)
			.query(this::student)
			.list();
		events.publishEvent(new StudentsListed(districtCode, listing.query(), at, students.size(), actor(who)));
		return new StudentListing(students, at, size, total);
	}

	/**
	 * Every student of the district the query finds, in the list's order, streamed from
	 * the database for a download; the download is on the record with the number of
	 * students.
	 */
	@Transactional
	public void forEachInDistrict(String districtCode, String query, String sort, boolean descending, SignedIn who,
			java.util.function.Consumer<Student> each) {
		policy.require(who, new AccessPolicy.Scope(districtCode, null, null));
		Listing listing = listing(districtCode, query, sort, descending);
		long[] count = { 0 };
		try (var rows = jdbc.sql(SELECT + listing.condition() + listing.order())
			.params(listing.params())
			.withFetchSize(500)
			.query(this::student)
			.stream()) {
			rows.forEach(student -> {
				each.accept(student);
				count[0]++;
			});
		}
		events.publishEvent(new StudentsDownloaded(districtCode, listing.query(), count[0], actor(who)));
	}

	/** How many students the district has. */
	@Transactional(readOnly = true)
	public long countInDistrict(String districtCode, SignedIn who) {
		policy.require(who, new AccessPolicy.Scope(districtCode, null, null));
		return jdbc.sql("select count(*) from student where district_code = ?")
			.param(districtCode)
			.query(Long.class)
			.single();
	}

	/** The columns a district's list sorts by, by their names in the address. */
	public static final java.util.Set<String> LIST_ORDERS = java.util.Set.of("education-id", "name", "school", "class",
			"year");

	private record Listing(String query, String condition, List<Object> params, String order) {

	}

	private static Listing listing(String districtCode, String query, String sort, boolean descending) {
		String q = (query == null) ? "" : query.strip();
		String condition = " where s.district_code = ?"
				+ (q.isEmpty() ? "" : " and (s.education_id = upper(?) or s.name = ?)");
		List<Object> params = new java.util.ArrayList<>(List.of(districtCode));
		if (!q.isEmpty()) {
			params.add(q);
			params.add(q);
		}
		String direction = descending ? " desc" : "";
		String column = switch (String.valueOf(sort)) {
			case "education-id" -> "s.education_id" + direction;
			case "name" -> "s.name" + direction + ", s.education_id";
			case "school" -> "s.school_code" + direction + ", s.class_name, s.name, s.education_id";
			case "class" -> "s.class_name" + direction + ", s.school_code, s.name, s.education_id";
			case "year" -> "s.entry_year" + direction + ", s.school_code, s.class_name, s.name, s.education_id";
			default -> "s.entry_year desc, s.school_code, s.class_name, s.name, s.education_id";
		};
		return new Listing(q, condition, params, " order by " + column);
	}

	/**
	 * Creates one student record; the first step of its path says where it came from.
	 * @throws org.springframework.dao.DuplicateKeyException when the education ID, or the
	 * child in that entry year, is known already
	 */
	@Transactional
	public Student register(NewStudent s, Actor by) {
		jdbc.sql(
				"""
						insert into student (education_id, child_id_sealed, child_id_hash, name, sex, birth_date, entry_year,
						  school_code, class_name, district_code, hukou_district_code, guardian_name, mobile, origin, updated_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
			.params(s.educationId(), sealed.seal(s.idNumber()), sealed.lookupHash(s.idNumber()), s.name(), s.sex(),
					s.birthDate(), s.entryYear(), s.schoolCode(), s.className(), s.districtCode(),
					s.hukouDistrictCode(), s.guardianName(), (s.mobile() != null) ? s.mobile().value() : null,
					s.origin().name(), Timestamp.from(clock.instant()))
			.update();
		recordStep(s.educationId(),
				"registry.registered." + s.origin().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), null,
				by);
		events.publishEvent(new StudentRegistered(s.educationId(), s.districtCode(), s.origin(), by));
		return byEducationId(s.educationId()).orElseThrow();
	}

	/**
	 * The student now enters junior high in another district (an approved transfer,
	 * R-J4); both districts see it on the record.
	 */
	@Transactional
	public void moveDistrict(String educationId, String toDistrict, String reason, Actor by) {
		Student student = byEducationId(educationId).orElseThrow(() -> new NoSuchElementException("No such student"));
		jdbc.sql("""
				update student set district_code = ?, version = version + 1, updated_at = ?
				where education_id = ?
				""").params(toDistrict, Timestamp.from(clock.instant()), educationId).update();
		jdbc.sql("update family_account set district_code = ? where education_id = ?")
			.params(toDistrict, educationId)
			.update();
		recordStep(educationId, "registry.moved-district", reason, by);
		events.publishEvent(new StudentMovedDistrict(educationId, student.districtCode(), toDistrict, reason, by));
	}

	/**
	 * Holds the record at the version the caller saw until the caller's transaction ends,
	 * so that nothing changes it in between (a family signs exactly what it saw, R-J2).
	 * The lock also makes a second holder wait (a double click), so that it sees what the
	 * first one did.
	 * @return false when the record is at another version already
	 */
	@Transactional
	public boolean holdAt(String educationId, int version) {
		return jdbc.sql("select 1 from student where education_id = ? and version = ? for no key update")
			.params(educationId, version)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	/**
	 * Corrects the basic data of a student (R-J3), if it is still at the version the
	 * corrector saw; the caller checks who may correct.
	 * @return the names of the fields that changed
	 * @throws org.springframework.dao.OptimisticLockingFailureException when the record
	 * changed meanwhile
	 */
	@Transactional
	public List<String> correct(String educationId, int expectedVersion, BasicData data, Actor by) {
		Student student = byEducationId(educationId).orElseThrow(() -> new NoSuchElementException("No such student"));
		List<String> changed = data.changedFrom(BasicData.of(student));
		int updated = jdbc.sql("""
				update student set name = ?, sex = ?, birth_date = ?, class_name = ?, hukou_district_code = ?,
				  guardian_name = ?, version = version + 1, updated_at = ?
				where education_id = ? and version = ?
				""")
			.params(data.name(), data.sex(), data.birthDate(), data.className(), data.hukouDistrictCode(),
					data.guardianName(), Timestamp.from(clock.instant()), educationId, expectedVersion)
			.update();
		if (updated == 0) {
			throw new org.springframework.dao.OptimisticLockingFailureException(
					"Student " + educationId + " changed meanwhile");
		}
		events.publishEvent(new StudentCorrected(educationId, changed, expectedVersion, expectedVersion + 1, by));
		return changed;
	}

	/**
	 * Appends a step to the student's enrollment path, in the caller's transaction so the
	 * step and the change it describes commit together.
	 */
	@Transactional
	public void recordStep(String educationId, String step, String detail, Actor by) {
		jdbc.sql("""
				insert into student_path_step (education_id, occurred_at, step, detail, actor, actor_role)
				values (?, ?, ?, ?, ?, ?)
				""").params(educationId, Timestamp.from(clock.instant()), step, detail, by.name(), by.role()).update();
	}

	/**
	 * Appends the same step to many students' paths at once (a published result, R-G9),
	 * with a detail per student, in the caller's transaction.
	 */
	@Transactional
	public void recordSteps(String step, Map<String, String> detailByEducationId, Actor by) {
		Timestamp now = Timestamp.from(clock.instant());
		List<Object[]> rows = new ArrayList<>();
		detailByEducationId
			.forEach((id, detail) -> rows.add(new Object[] { id, now, step, detail, by.name(), by.role() }));
		for (int from = 0; from < rows.size(); from += 5000) {
			batch.batchUpdate("""
					insert into student_path_step (education_id, occurred_at, step, detail, actor, actor_role)
					values (?, ?, ?, ?, ?, ?)
					""", rows.subList(from, Math.min(rows.size(), from + 5000)));
		}
	}

	/** The student's enrollment path, oldest step first (R-G9). */
	@Transactional(readOnly = true)
	public List<PathStep> path(String educationId) {
		return jdbc.sql("""
				select occurred_at, step, detail, actor, actor_role from student_path_step
				where education_id = ? order by id
				""")
			.param(educationId)
			.query((rs, n) -> new PathStep(rs.getTimestamp("occurred_at").toInstant(), rs.getString("step"),
					rs.getString("detail"), rs.getString("actor"), rs.getString("actor_role")))
			.list();
	}

	static Actor actor(SignedIn who) {
		return Actor.of(who.username(), who.role().name());
	}

	private Student student(ResultSet rs, int row) throws SQLException {
		String mobile = rs.getString("mobile");
		UUID family = rs.getObject("family_account", UUID.class);
		return new Student(rs.getString("education_id"), rs.getString("name"),
				sealed.open(rs.getBytes("child_id_sealed")).masked(), rs.getString("sex"),
				rs.getDate("birth_date").toLocalDate(), rs.getInt("entry_year"), rs.getString("school_code"),
				rs.getString("class_name"), rs.getString("district_code"), rs.getString("hukou_district_code"),
				rs.getString("guardian_name"), (mobile != null) ? new MobileNumber(mobile) : null,
				Student.Origin.valueOf(rs.getString("origin")), rs.getInt("version"),
				(family != null) ? new AccountId(family) : null);
	}

}
