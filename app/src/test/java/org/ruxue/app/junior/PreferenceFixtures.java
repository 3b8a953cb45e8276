package org.ruxue.app.junior;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.PhaseKind;
import org.ruxue.app.calendar.PhaseWindow;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.registry.NewStudent;
import org.ruxue.app.registry.Student;
import org.ruxue.app.registry.Students;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named fixtures for junior-entry tests: each test district's schools (three junior
 * highs, a private one, a nine-year school and a primary school), its batches, graduates
 * of 2017 with their family accounts, and the 2017 preference window open or closed (the
 * test clock is 2017-05-10).
 */
@Component
class PreferenceFixtures {

	static final int YEAR = 2017;

	private static final AtomicInteger next = new AtomicInteger((int) (System.nanoTime() % 500) * 1000);

	private final Students students;

	private final FamilyAccounts families;

	private final Batches batches;

	private final EnrollmentCalendar calendar;

	private final JdbcClient jdbc;

	PreferenceFixtures(Students students, FamilyAccounts families, Batches batches, EnrollmentCalendar calendar,
			JdbcClient jdbc) {
		this.students = students;
		this.families = families;
		this.batches = batches;
		this.calendar = calendar;
		this.jdbc = jdbc;
	}

	record Family(Student student, SignedIn signedIn, IdCardNumber child, String mobile) {

		String educationId() {
			return student.educationId();
		}

	}

	static String junior(String district, int n) {
		return "PF" + district + "J" + n;
	}

	static String privateSchool(String district) {
		return "PF" + district + "X1";
	}

	static String nineYear(String district) {
		return "PF" + district + "N1";
	}

	static String primary(String district) {
		return "PF" + district + "P1";
	}

	/** The district's test schools and, unless families saved already, its batches. */
	void district(String district, Batch... wanted) {
		schools(district);
		BatchPlan plan = batches.plan(district, YEAR);
		if (!plan.batches().equals(List.of(wanted))) {
			batches.replace(district, YEAR, plan.version(), List.of(wanted), Actor.SYSTEM);
		}
	}

	void schools(String district) {
		for (int n = 1; n <= 3; n++) {
			school(junior(district, n), "志愿测试" + district + "第" + n + "中学", district, "JUNIOR", true);
		}
		school(privateSchool(district), "志愿测试" + district + "民办中学", district, "JUNIOR", false);
		school(nineYear(district), "志愿测试" + district + "九年一贯制学校", district, "NINE_YEAR", true);
		school(primary(district), "志愿测试" + district + "小学", district, "PRIMARY", true);
	}

	/** Two district-wide batches: one choice, then up to two. */
	static Batch[] twoBatches() {
		return new Batch[] { new Batch(1, "第一批", 1, BatchScope.DISTRICT), new Batch(2, "第二批", 2, BatchScope.DISTRICT) };
	}

	/** A graduate of the district's primary school, with a family account. */
	Family family(String district, String name) {
		return family(district, name, primary(district));
	}

	Family family(String district, String name, String school) {
		int n = next.incrementAndGet();
		LocalDate born = LocalDate.of(2005, 1, 1).plusDays(n % 700);
		IdCardNumber child = IdCardNumber
			.withCheckDigit(district + born.toString().replace("-", "") + String.format("%03d", n % 1000));
		String educationId = "PF" + child.value().substring(0, 17);
		String mobile = "137" + String.format("%08d", n);
		Student student = students.register(
				new NewStudent(educationId, child, name, child.isMale() ? "MALE" : "FEMALE", child.birthDate(), YEAR,
						school, "六(1)班", district, district, "家长", new MobileNumber(mobile), Student.Origin.REGISTRY),
				Actor.SYSTEM);
		AccountId account = families.provision(child, name, educationId, new MobileNumber(mobile));
		SignedIn signedIn = new SignedIn(account, families.contact(account).orElseThrow().username(), name, Role.PARENT,
				district, null);
		return new Family(students.byEducationId(student.educationId()).orElseThrow(), signedIn, child, mobile);
	}

	SignedIn officer(String district) {
		return new SignedIn(AccountId.random(), "pf-officer-" + district, "区教委", Role.DISTRICT_OFFICER, district, null);
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
			org.ruxue.app.calendar.Calendars.sourceYear2017(calendar);
		}
		List<PhaseWindow> windows = new ArrayList<>(calendar.windows(YEAR));
		windows.removeIf(w -> w.kind() == PhaseKind.JUNIOR_PREFERENCES);
		windows.add(new PhaseWindow(PhaseKind.JUNIOR_PREFERENCES, opens, closes));
		var rules = calendar.rules(YEAR).orElseThrow();
		calendar.schedule(YEAR, calendar.version(YEAR), windows, rules.ageCutoff(), rules.zoningCutoffs(),
				Actor.SYSTEM);
	}

	private void school(String code, String name, String district, String level, boolean open) {
		jdbc.sql("""
				insert into school (code, name, district_code, level, public, address, seats_per_year)
				values (?, ?, ?, ?, ?, '测试地址', 100) on conflict do nothing
				""").params(code, name, district, level, open).update();
	}

}
