package org.ruxue.app.junior;

import java.time.LocalDate;
import java.util.ArrayList;
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
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.registry.NewStudent;
import org.ruxue.app.registry.Student;
import org.ruxue.app.registry.Students;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The world transfer tests run in (R-J4): the 2017 calendar (applications 05-08 to 05-12,
 * the test clock is 05-10), a graduating school in Dongcheng and another in Xicheng, and
 * graduates of the 2017 cohort whose hukou is in Xicheng, each with the family account of
 * its education ID.
 */
@Component
public class TransferFixtures {

	static final String DONGCHENG = "110101";

	static final String XICHENG = "110102";

	static final String CHAOYANG = "110105";

	public static final String SCHOOL = "JT-TEST-DC";

	static final String OTHER_SCHOOL = "JT-TEST-XC";

	private static final AtomicInteger next = new AtomicInteger();

	final Students students;

	final FamilyAccounts families;

	final EnrollmentCalendar calendar;

	final JdbcClient jdbc;

	final Transfers transfers;

	TransferFixtures(Students students, FamilyAccounts families, EnrollmentCalendar calendar, JdbcClient jdbc,
			Transfers transfers) {
		this.transfers = transfers;
		this.students = students;
		this.families = families;
		this.calendar = calendar;
		this.jdbc = jdbc;
	}

	public void world() {
		Calendars.sourceYear2017(calendar);
		school(SCHOOL, "转区测试东城小学", DONGCHENG);
		school(OTHER_SCHOOL, "转区测试西城小学", XICHENG);
	}

	void school(String code, String name, String district) {
		jdbc.sql("""
				insert into school (code, name, district_code, level, public, address, seats_per_year)
				values (?, ?, ?, 'PRIMARY', true, '测试地址', 100) on conflict do nothing
				""").params(code, name, district).update();
	}

	/** A Dongcheng graduate of the test school whose hukou is in Xicheng. */
	public Graduate graduate(String name) {
		return graduate(name, SCHOOL, DONGCHENG, XICHENG);
	}

	/**
	 * A graduate of another school, for a test that needs a school's or a district's
	 * queue to itself (the school is made with {@link #school}).
	 */
	Graduate graduate(String name, String school, String district, String hukouDistrict) {
		int n = next.incrementAndGet();
		IdCardNumber id = IdCardNumber.withCheckDigit(String.format("110101%d%02d%02d%03d", 2004 + n % 2, 1 + n % 12,
				1 + n % 28, (int) Math.floorMod(System.nanoTime(), 1000L)));
		String mobile = String.format("137%08d", 30_000_000 + n * 17 + (int) Math.floorMod(System.nanoTime(), 17L));
		String educationId = "JT" + id.value().substring(0, 17);
		Student student = students.register(new NewStudent(educationId, id, name, id.isMale() ? "MALE" : "FEMALE",
				id.birthDate(), 2017, school, "六(2)班", district, hukouDistrict, name + "家长", new MobileNumber(mobile),
				Student.Origin.REGISTRY), Actor.SYSTEM);
		AccountId account = families.provision(id, name, educationId, new MobileNumber(mobile));
		String username = families.contact(account).orElseThrow().username();
		return new Graduate(student, mobile, username);
	}

	public record Graduate(Student student, String mobile, String familyUsername) {

		public String educationId() {
			return student.educationId();
		}

	}

	/**
	 * A transfer to Xicheng printed, signed and submitted: awaiting the school (R-J4).
	 */
	public Transfer submitted(Graduate g) {
		Transfer t = transfers.start(toXicheng(g), teacher());
		transfers.printForm(t.id(), teacher());
		t = transfers.markSigned(t.id(), t.version(), true, true, teacher());
		return transfers.submit(t.id(), t.version(), teacher());
	}

	/**
	 * A transfer to Xicheng the school approved: awaiting Dongcheng, the district moved
	 * out of.
	 */
	public Transfer schoolApproved(Graduate g) {
		Transfer t = submitted(g);
		return transfers.approve(t.id(), t.version(), teacher());
	}

	/** The graduate's family as signed in. */
	public SignedIn family(Graduate g) {
		AccountId account = jdbc.sql("select id from account where username = ?")
			.param(g.familyUsername())
			.query((rs, n) -> new AccountId(rs.getObject(1, java.util.UUID.class)))
			.single();
		return new SignedIn(account, g.familyUsername(), g.student().name(), Role.PARENT, DONGCHENG, null);
	}

	static StartTransferForm toXicheng(Graduate g) {
		return new StartTransferForm(g.educationId(), "HUKOU", XICHENG, "北京市西城区测试胡同1号", "户籍在西城");
	}

	static SignedIn teacher() {
		return new SignedIn(AccountId.random(), "jt-teacher-dc", "东城老师", Role.SCHOOL_STAFF, DONGCHENG, SCHOOL);
	}

	static SignedIn otherTeacher() {
		return new SignedIn(AccountId.random(), "jt-teacher-xc", "西城老师", Role.SCHOOL_STAFF, XICHENG, OTHER_SCHOOL);
	}

	static SignedIn officer(String district) {
		return new SignedIn(AccountId.random(), "jt-officer-" + district, "区教委", Role.DISTRICT_OFFICER, district, null);
	}

	/**
	 * The 2017 transfer window as if it had ended yesterday (the test clock is 05-10).
	 */
	void closeWindowBeforeToday() {
		setWindow(LocalDate.of(2017, 5, 1), LocalDate.of(2017, 5, 9));
	}

	void setWindow(LocalDate opens, LocalDate closes) {
		var windows = new ArrayList<>(calendar.windows(2017));
		windows.replaceAll(w -> (w.kind() == PhaseKind.JUNIOR_TRANSFER)
				? new PhaseWindow(PhaseKind.JUNIOR_TRANSFER, opens, closes) : w);
		var rules = calendar.rules(2017).orElseThrow();
		calendar.schedule(2017, calendar.version(2017), windows, rules.ageCutoff(), rules.zoningCutoffs(),
				Actor.SYSTEM);
	}

}
