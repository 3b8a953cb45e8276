package org.ruxue.app.junior;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.population.RegisterEntries;
import org.ruxue.app.registry.NewStudent;
import org.ruxue.app.registry.Student;
import org.ruxue.app.registry.Students;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The world junior-entry tests run in: the 2017 calendar, two primary schools of
 * Dongcheng and one of Xicheng, and graduates handed over by the registry with a family
 * account provisioned for each, as the registry import does.
 */
@Component
class JuniorFixtures {

	static final String SCHOOL = "JR-TEST-DC1";

	static final String OTHER_SCHOOL = "JR-TEST-DC2";

	static final String XICHENG_SCHOOL = "JR-TEST-XC1";

	private static final AtomicInteger next = new AtomicInteger();

	private static final AtomicInteger mobiles = new AtomicInteger((int) (System.nanoTime() % 1000) * 1000);

	final RegisterEntries register;

	final Students students;

	final FamilyAccounts families;

	final EnrollmentCalendar calendar;

	final JdbcClient jdbc;

	JuniorFixtures(RegisterEntries register, Students students, FamilyAccounts families, EnrollmentCalendar calendar,
			JdbcClient jdbc) {
		this.register = register;
		this.students = students;
		this.families = families;
		this.calendar = calendar;
		this.jdbc = jdbc;
	}

	/** A graduate, its family account and the family as signed in. */
	record Graduate(Student student, IdCardNumber child, String mobile, SignedIn family) {

		String educationId() {
			return student.educationId();
		}

	}

	void world() {
		Calendars.sourceYear2017(calendar);
		school(SCHOOL, "小升初测试东城一小", "110101");
		school(OTHER_SCHOOL, "小升初测试东城二小", "110101");
		school(XICHENG_SCHOOL, "小升初测试西城小学", "110102");
	}

	/** A graduate of the Dongcheng test school, entering junior high in 2017. */
	Graduate graduate(String name) {
		return graduate(name, SCHOOL);
	}

	/**
	 * A graduate of another Dongcheng school (made with {@link #school}), for a test that
	 * needs a school's reports to itself.
	 */
	Graduate graduate(String name, String school) {
		int n = next.incrementAndGet();
		IdCardNumber child = register.newPerson(name, "110101", LocalDate.of(2005, 1, 1).plusDays(n), "110101", false);
		String mobile = freshMobile();
		Student student = students.register(new NewStudent(String.format("J2017%08d", n), child, name,
				child.isMale() ? "MALE" : "FEMALE", child.birthDate(), 2017, school, "六(1)班", "110101", "110101",
				name + "妈妈", new MobileNumber(mobile), Student.Origin.REGISTRY), Actor.SYSTEM);
		AccountId account = families.provision(child, name, student.educationId(), new MobileNumber(mobile));
		String username = jdbc.sql("select username from account where id = ?")
			.param(account.value())
			.query(String.class)
			.single();
		return new Graduate(students.byEducationId(student.educationId()).orElseThrow(), child, mobile,
				new SignedIn(account, username, name, Role.PARENT, "110101", null));
	}

	static SignedIn teacher(String school) {
		return new SignedIn(AccountId.random(), "jr-teacher-" + school.toLowerCase(), "老师", Role.SCHOOL_STAFF,
				school.equals(XICHENG_SCHOOL) ? "110102" : "110101", school);
	}

	static SignedIn officer(String district) {
		return new SignedIn(AccountId.random(), "jr-officer-" + district, "区教委", Role.DISTRICT_OFFICER, district, null);
	}

	static String freshMobile() {
		return "1370" + String.format("%07d", mobiles.incrementAndGet() % 10_000_000);
	}

	void school(String code, String name, String district) {
		jdbc.sql("""
				insert into school (code, name, district_code, level, public, address, seats_per_year)
				values (?, ?, ?, 'PRIMARY', true, '测试地址', 100) on conflict do nothing
				""").params(code, name, district).update();
	}

}
