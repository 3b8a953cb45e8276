package org.ruxue.app.junior;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.ApplicationFreezes;
import org.ruxue.app.calendar.CityClock;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.PhaseKind;
import org.ruxue.app.calendar.PhaseWindow;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.registry.Student;
import org.ruxue.app.registry.Students;
import org.ruxue.app.zoning.School;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The families' preferences (志愿, R-J7): for each batch of the district, up to its number
 * of choices among the schools it offers, in order. Families change them as often as they
 * like while the window is open; each save is a new version, and the last one saved
 * before the window closed stands. Nothing depends on when a family saved (R-G4).
 */
@Service
public class Preferences {

	private final JdbcClient jdbc;

	private final Students students;

	private final Batches batches;

	private final AdmissionRoutes routes;

	private final LotteryIds lotteryIds;

	private final FamilyAccounts families;

	private final EnrollmentCalendar calendar;

	private final CityClock cityClock;

	private final ApplicationFreezes freezes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Preferences(JdbcClient jdbc, Students students, Batches batches, AdmissionRoutes routes, LotteryIds lotteryIds,
			FamilyAccounts families, EnrollmentCalendar calendar, CityClock cityClock, ApplicationFreezes freezes,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.students = students;
		this.batches = batches;
		this.routes = routes;
		this.lotteryIds = lotteryIds;
		this.families = families;
		this.calendar = calendar;
		this.cityClock = cityClock;
		this.freezes = freezes;
		this.events = events;
		this.clock = clock;
	}

	/** The signed-in family's page; empty when the registry holds no student for it. */
	@Transactional
	public Optional<PreferenceSheet> sheet(SignedIn family) {
		return students.ofFamily(family).map(this::sheet);
	}

	private PreferenceSheet sheet(Student student) {
		int year = student.entryYear();
		BatchPlan plan = batches.plan(student.districtCode(), year);
		Map<Integer, List<School>> offered = new LinkedHashMap<>();
		for (Batch batch : plan.batches()) {
			offered.put(batch.number(), batches.offered(batch, student));
		}
		Optional<PhaseWindow> window = calendar.window(year, PhaseKind.JUNIOR_PREFERENCES);
		return new PreferenceSheet(student, plan, offered, window.map(PhaseWindow::opensOn).orElse(null),
				window.map(PhaseWindow::closesOn).orElse(null), calendar.isOpen(year, PhaseKind.JUNIOR_PREFERENCES),
				saved(student.educationId(), year), routes.of(student.educationId(), year));
	}

	/** What stands for the student and year: the last version saved. */
	@Transactional(readOnly = true)
	public Optional<SavedPreferences> saved(String educationId, int year) {
		return jdbc.sql("select version, saved_at from junior_preference where education_id = ? and year = ?")
			.params(educationId, year)
			.query((rs, n) -> new SavedPreferences(educationId, year, rs.getInt(1), rs.getTimestamp(2).toInstant(),
					lotteryIds.of(educationId, year).orElse(null), choices(educationId, year, rs.getInt(1))))
			.optional();
	}

	/**
	 * Saves a new version of the family's preferences.
	 * @param expectedVersion the version the family's page showed (0: none saved yet)
	 * @param choices per batch number, the school codes in the family's order (blanks are
	 * left out)
	 * @throws PreferenceRefused when the window is not open, the student is admitted
	 * outside the draw, a choice breaks a batch's rules, or another save came first
	 */
	@Transactional
	public SavedPreferences save(SignedIn family, int expectedVersion, Map<Integer, List<String>> choices) {
		Student student = students.ofFamily(family)
			.orElseThrow(() -> new PreferenceRefused("form", "junior.preferences.error.no-student"));
		int year = student.entryYear();
		if (routes.of(student.educationId(), year).isPresent()) {
			throw new PreferenceRefused("form", "junior.preferences.error.route");
		}
		requireOpen(year);
		if (freezes.frozen(year, PhaseKind.JUNIOR_PREFERENCES, student.districtCode())) {
			throw new PreferenceRefused("form", "junior.preferences.error.frozen");
		}
		BatchPlan plan = batches.plan(student.districtCode(), year);
		if (plan.batches().isEmpty()) {
			throw new PreferenceRefused("form", "junior.preferences.error.no-batches");
		}
		Map<Integer, List<String>> cleaned = check(plan, student, choices);
		Optional<SavedPreferences> standing = saved(student.educationId(), year);
		if (standing.isPresent() && standing.get().version() > expectedVersion
				&& standing.get().choices().equals(withoutEmpty(cleaned))) {
			// the same choices sent again: the first answer was lost
			return standing.get();
		}
		int version = nextVersion(student.educationId(), year, expectedVersion, family.username());
		for (var batch : cleaned.entrySet()) {
			int rank = 0;
			for (String school : batch.getValue()) {
				jdbc.sql(
						"""
								insert into junior_preference_choice (education_id, year, version, batch, rank, school_code, saved_at)
								values (?, ?, ?, ?, ?, ?, ?)
								""")
					.params(student.educationId(), year, version, batch.getKey(), ++rank, school,
							Timestamp.from(clock.instant()))
					.update();
			}
		}
		String lotteryId = lotteryIds.issue(student.educationId(), year);
		Actor by = Actor.of(family.username(), family.role().name());
		students.recordStep(student.educationId(), "junior.preferences.saved", "v" + version, by);
		var contact = families.contact(family.id());
		events.publishEvent(new PreferencesSaved(student.educationId(), year, version, lotteryId, cleaned.toString(),
				by, contact.map(c -> (c.mobile() != null) ? c.mobile().value() : null).orElse(null),
				contact.map(FamilyAccounts.Contact::username).orElse(family.username())));
		return saved(student.educationId(), year).orElseThrow();
	}

	/**
	 * The student's lottery id of the year, drawn the first time it is asked for: the
	 * family's receipt shows it even before a first save.
	 */
	@Transactional
	public String lotteryId(Student student) {
		return lotteryIds.issue(student.educationId(), student.entryYear());
	}

	/**
	 * The students of the district and year in the draw: every student entering junior
	 * high there except those admitted by a route outside it, with the choices that stand
	 * (none for a family that saved none), by lottery id.
	 */
	@Transactional
	public List<DrawEntrant> inDraw(String districtCode, int year) {
		Set<String> outside = new HashSet<>();
		routes.inDistrict(districtCode, year).forEach(r -> outside.add(r.educationId()));
		int batchCount = batches.plan(districtCode, year).batches().size();
		// the district's cohort, then their ids and choices in two queries, not one per
		// student: a city's draw reads 150,000 students
		String[] cohort = students.educationIdsIn(districtCode, year).toArray(String[]::new);
		Map<String, String> ids = new LinkedHashMap<>();
		for (String educationId : cohort) {
			ids.put(educationId, null);
		}
		jdbc.sql("select education_id, lottery_id from junior_lottery_id where year = ? and education_id = any(?)")
			.params(year, cohort)
			.query(rs -> {
				ids.put(rs.getString(1), rs.getString(2));
			});
		Map<String, Map<Integer, List<String>>> chosen = new HashMap<>();
		jdbc.sql("""
				select c.education_id, c.batch, c.school_code
				from junior_preference p join junior_preference_choice c
				  on c.education_id = p.education_id and c.year = p.year and c.version = p.version
				where p.year = ? and p.education_id = any(?)
				order by c.education_id, c.batch, c.rank
				""").params(year, cohort).query(rs -> {
			chosen.computeIfAbsent(rs.getString(1), e -> new TreeMap<>())
				.computeIfAbsent(rs.getInt(2), b -> new ArrayList<>())
				.add(rs.getString(3));
		});
		List<DrawEntrant> entrants = new ArrayList<>();
		for (var student : ids.entrySet()) {
			String educationId = student.getKey();
			if (outside.contains(educationId)) {
				continue;
			}
			Map<Integer, List<String>> choices = chosen.getOrDefault(educationId, Map.of());
			List<List<String>> perBatch = new ArrayList<>();
			for (int b = 1; b <= batchCount; b++) {
				perBatch.add(choices.getOrDefault(b, List.of()));
			}
			String lotteryId = (student.getValue() != null) ? student.getValue() : lotteryIds.issue(educationId, year);
			entrants.add(new DrawEntrant(educationId, lotteryId, perBatch));
		}
		entrants.sort(Comparator.comparing(DrawEntrant::lotteryId));
		return entrants;
	}

	private void requireOpen(int year) {
		if (calendar.isOpen(year, PhaseKind.JUNIOR_PREFERENCES)) {
			return;
		}
		Optional<PhaseWindow> window = calendar.window(year, PhaseKind.JUNIOR_PREFERENCES);
		if (window.isPresent() && window.get().opensAfter(calendar.now(), cityClock.zone())) {
			throw new PreferenceRefused("form", "junior.preferences.error.not-open", window.get().opensOn());
		}
		if (window.isPresent()) {
			throw new PreferenceRefused("form", "junior.preferences.error.closed", window.get().closesOn());
		}
		throw new PreferenceRefused("form", "junior.preferences.error.no-window");
	}

	/**
	 * The choices without blanks, per batch of the plan; LOTTERY.md allows a school once
	 * on a student's line, so a school chosen twice is refused across batches too.
	 */
	private Map<Integer, List<String>> check(BatchPlan plan, Student student, Map<Integer, List<String>> choices) {
		List<PreferenceRefused.Problem> problems = new ArrayList<>();
		Map<Integer, List<String>> cleaned = new TreeMap<>();
		Set<String> seen = new HashSet<>();
		for (Integer number : choices.keySet()) {
			if (batches.batch(plan, number).isEmpty()) {
				problems.add(PreferenceRefused.Problem.of("form", "junior.preferences.error.batch-unknown", number));
			}
		}
		for (Batch batch : plan.batches()) {
			String field = "batch" + batch.number();
			List<String> wanted = choices.getOrDefault(batch.number(), List.of())
				.stream()
				.filter(c -> c != null && !c.isBlank())
				.map(String::strip)
				.toList();
			if (wanted.size() > batch.choices()) {
				problems.add(PreferenceRefused.Problem.of(field, "junior.preferences.error.too-many", batch.choices()));
			}
			Set<String> offered = new HashSet<>();
			batches.offered(batch, student).forEach(s -> offered.add(s.code()));
			for (String code : wanted) {
				if (!offered.contains(code)) {
					problems.add(PreferenceRefused.Problem.of(field, "junior.preferences.error.not-offered", code));
				}
				else if (!seen.add(code)) {
					problems.add(PreferenceRefused.Problem.of(field, "junior.preferences.error.duplicate", code));
				}
			}
			cleaned.put(batch.number(), wanted);
		}
		if (!problems.isEmpty()) {
			throw new PreferenceRefused(problems);
		}
		return cleaned;
	}

	/**
	 * Optimistic locking: the first save inserts version 1, every later one moves the
	 * version the family saw on by one. A save from an older page, or the loser of two
	 * saves at once, changes nothing.
	 */
	private static Map<Integer, List<String>> withoutEmpty(Map<Integer, List<String>> choices) {
		Map<Integer, List<String>> kept = new TreeMap<>();
		choices.forEach((batch, schools) -> {
			if (!schools.isEmpty()) {
				kept.put(batch, List.copyOf(schools));
			}
		});
		return kept;
	}

	private int nextVersion(String educationId, int year, int expectedVersion, String by) {
		Timestamp now = Timestamp.from(clock.instant());
		int written = (expectedVersion == 0) ? jdbc.sql("""
				insert into junior_preference (education_id, year, version, saved_at, saved_by)
				values (?, ?, 1, ?, ?) on conflict do nothing
				""").params(educationId, year, now, by).update() : jdbc.sql("""
				update junior_preference set version = version + 1, saved_at = ?, saved_by = ?
				where education_id = ? and year = ? and version = ?
				""").params(now, by, educationId, year, expectedVersion).update();
		if (written != 1) {
			throw new PreferenceRefused("form", "junior.preferences.error.stale");
		}
		return expectedVersion + 1;
	}

	private Map<Integer, List<String>> choices(String educationId, int year, int version) {
		Map<Integer, List<String>> choices = new TreeMap<>();
		jdbc.sql("""
				select batch, school_code from junior_preference_choice
				where education_id = ? and year = ? and version = ? order by batch, rank
				""")
			.params(educationId, year, version)
			.query((rs, n) -> Map.entry(rs.getInt(1), rs.getString(2)))
			.list()
			.forEach(choice -> choices.computeIfAbsent(choice.getKey(), b -> new ArrayList<>()).add(choice.getValue()));
		return choices;
	}

}
