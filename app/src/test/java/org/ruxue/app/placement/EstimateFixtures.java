package org.ruxue.app.placement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.PhaseKind;
import org.ruxue.app.calendar.PhaseWindow;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.junior.Batch;
import org.ruxue.app.junior.BatchPlan;
import org.ruxue.app.junior.BatchScope;
import org.ruxue.app.junior.Batches;
import org.ruxue.app.junior.Preferences;
import org.ruxue.app.junior.SavedPreferences;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.registry.NewStudent;
import org.ruxue.app.registry.Student;
import org.ruxue.app.registry.Students;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named fixtures for chance-estimate tests: junior highs with the seats a scenario needs
 * (new ones each time, so that no two tests compete for the same seats), graduates of
 * 2017 with family accounts, and their preferences saved through the families' own facade
 * while the 2017 window is open (the test clock is 2017-05-10). The district's batches
 * are those of the junior tests' fixtures (one choice, then up to two), so that either
 * may come first.
 */
@Component
class EstimateFixtures {

	static final int YEAR = 2017;

	/** A district whose other tests assert nothing about the whole district's draw. */
	static final String DISTRICT = "110112";

	static final List<Batch> BATCHES = List.of(new Batch(1, "第一批", 1, BatchScope.DISTRICT),
			new Batch(2, "第二批", 2, BatchScope.DISTRICT));

	private static final AtomicInteger next = new AtomicInteger((int) (System.nanoTime() % 700) * 1000);

	private final Students students;

	private final FamilyAccounts families;

	private final Batches batches;

	private final Preferences preferences;

	private final EnrollmentCalendar calendar;

	private final JdbcClient jdbc;

	EstimateFixtures(Students students, FamilyAccounts families, Batches batches, Preferences preferences,
			EnrollmentCalendar calendar, JdbcClient jdbc) {
		this.students = students;
		this.families = families;
		this.batches = batches;
		this.preferences = preferences;
		this.calendar = calendar;
		this.jdbc = jdbc;
	}

	record Family(Student student, SignedIn signedIn) {

		String educationId() {
			return student.educationId();
		}

	}

	/** The district's batches and its graduates' primary school; the window open. */
	void district(String district) {
		preferencesOpen();
		BatchPlan plan = batches.plan(district, YEAR);
		if (plan.batches().isEmpty()) {
			batches.replace(district, YEAR, 0, BATCHES, Actor.SYSTEM);
		}
		else if (!plan.batches().equals(BATCHES)) {
			throw new IllegalStateException("District " + district + " has other batches: " + plan.batches());
		}
		jdbc.sql("""
				insert into school (code, name, district_code, level, public, address, seats_per_year)
				values (?, ?, ?, 'PRIMARY', true, '测试地址', 100) on conflict do nothing
				""").params(primary(district), "估计测试" + district + "小学", district).update();
	}

	/** A new junior high of the district with this many seats; its code. */
	String juniorHigh(String district, int seats) {
		int n = next.incrementAndGet();
		String code = "CE" + district + "J" + n;
		jdbc.sql("""
				insert into school (code, name, district_code, level, public, address, seats_per_year)
				values (?, ?, ?, 'JUNIOR', true, '测试地址', ?)
				""").params(code, "估计测试第" + n + "中学", district, seats).update();
		return code;
	}

	/** A graduate of the district entering junior high in 2017, with a family account. */
	Family family(String district, String name) {
		int n = next.incrementAndGet();
		LocalDate born = LocalDate.of(2004, 1, 1).plusDays(n % 300);
		IdCardNumber child = IdCardNumber
			.withCheckDigit(district + born.toString().replace("-", "") + String.format("%03d", n % 1000));
		String educationId = "CE" + child.value().substring(0, 17);
		String mobile = "136" + String.format("%08d", n);
		students.register(new NewStudent(educationId, child, name, child.isMale() ? "MALE" : "FEMALE",
				child.birthDate(), YEAR, primary(district), "六(2)班", district, district, "家长", new MobileNumber(mobile),
				Student.Origin.REGISTRY), Actor.SYSTEM);
		AccountId account = families.provision(child, name, educationId, new MobileNumber(mobile));
		SignedIn signedIn = new SignedIn(account, families.contact(account).orElseThrow().username(), name, Role.PARENT,
				district, null);
		return new Family(students.byEducationId(educationId).orElseThrow(), signedIn);
	}

	/** Saves the family's choices: per batch number, school codes in order. */
	SavedPreferences choose(Family family, Map<Integer, List<String>> choices) {
		int version = preferences.saved(family.educationId(), YEAR).map(SavedPreferences::version).orElse(0);
		return preferences.save(family.signedIn(), version, choices);
	}

	/** The 2017 preference window from 05-01 to 05-20: open on the test day. */
	void preferencesOpen() {
		preferenceWindow(LocalDate.of(2017, 5, 1), LocalDate.of(2017, 5, 20));
	}

	/** The 2017 preference window as if it had closed yesterday. */
	void preferencesClosed() {
		preferenceWindow(LocalDate.of(2017, 5, 1), LocalDate.of(2017, 5, 9));
	}

	private void preferenceWindow(LocalDate opens, LocalDate closes) {
		if (calendar.rules(YEAR).isEmpty()) {
			Calendars.sourceYear2017(calendar);
		}
		List<PhaseWindow> windows = new ArrayList<>(calendar.windows(YEAR));
		PhaseWindow wanted = new PhaseWindow(PhaseKind.JUNIOR_PREFERENCES, opens, closes);
		if (windows.contains(wanted)) {
			return;
		}
		windows.removeIf(w -> w.kind() == PhaseKind.JUNIOR_PREFERENCES);
		windows.add(wanted);
		var rules = calendar.rules(YEAR).orElseThrow();
		calendar.schedule(YEAR, calendar.version(YEAR), windows, rules.ageCutoff(), rules.zoningCutoffs(),
				Actor.SYSTEM);
	}

	static String primary(String district) {
		return "CE" + district + "P";
	}

}
