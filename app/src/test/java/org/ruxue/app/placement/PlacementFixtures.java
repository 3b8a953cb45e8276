package org.ruxue.app.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.PhaseKind;
import org.ruxue.app.calendar.PhaseWindow;
import org.ruxue.app.calendar.TestClock;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.junior.Batch;
import org.ruxue.app.junior.BatchScope;
import org.ruxue.app.junior.Batches;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.registry.NewStudent;
import org.ruxue.app.registry.Student;
import org.ruxue.app.registry.Students;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named fixtures for placement tests. Each test runs a year of its own (2018 onwards), so
 * that its freeze, which never ends, touches no other test's applications; the year's
 * dates are the source's (preferences in May, the draw on 07-05, results from 07-06), and
 * the test moves the suite's clock through them and back.
 */
@Component
class PlacementFixtures {

	static final SignedIn CITY = new SignedIn(AccountId.random(), "pl-city", "市教委", Role.CITY_ADMIN, null, null);

	private static final AtomicInteger next = new AtomicInteger((int) (System.nanoTime() % 400) * 1000 + 500_000);

	private final EnrollmentCalendar calendar;

	private final Batches batches;

	private final Students students;

	private final FamilyAccounts families;

	private final JdbcClient jdbc;

	private final Clock clock;

	PlacementFixtures(EnrollmentCalendar calendar, Batches batches, Students students, FamilyAccounts families,
			JdbcClient jdbc, Clock clock) {
		this.calendar = calendar;
		this.batches = batches;
		this.students = students;
		this.families = families;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Family(Student student, SignedIn signedIn) {

		String educationId() {
			return student.educationId();
		}

	}

	/** The year with the source's dates, moved to its own year. */
	void year(int year) {
		if (calendar.rules(year).isPresent()) {
			return;
		}
		List<PhaseWindow> windows = new ArrayList<>();
		windows.add(new PhaseWindow(PhaseKind.PRIMARY_COLLECTION, LocalDate.of(year, 5, 8), LocalDate.of(year, 5, 31)));
		windows.add(new PhaseWindow(PhaseKind.JUNIOR_PREFERENCES, LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 20)));
		windows.add(new PhaseWindow(PhaseKind.LOTTERY_DAY, LocalDate.of(year, 7, 5), LocalDate.of(year, 7, 5)));
		windows.add(new PhaseWindow(PhaseKind.RESULT_PUBLICATION, LocalDate.of(year, 7, 6), null));
		calendar.schedule(year, null, windows, LocalDate.of(year - 6, 8, 31), java.util.Map.of(), Actor.SYSTEM);
	}

	/** The suite's clock at the moment, Beijing time. */
	void at(int year, int month, int day, int hour) {
		TestClock.moveTo(clock,
				OffsetDateTime.parse(String.format("%04d-%02d-%02dT%02d:00:00+08:00", year, month, day, hour)));
	}

	void resetClock() {
		TestClock.reset(clock);
	}

	static String junior(int year, String district, int n) {
		return "PL" + year + district + "J" + n;
	}

	static String primary(int year, String district) {
		return "PL" + year + district + "P";
	}

	/**
	 * Junior highs with the given seats, a primary school, and one batch of three
	 * choices.
	 */
	void juniorDistrict(int year, String district, int... seats) {
		for (int n = 1; n <= seats.length; n++) {
			school(junior(year, district, n), "派位测试" + year + district + "第" + n + "中学", district, "JUNIOR",
					seats[n - 1]);
		}
		school(primary(year, district), "派位测试" + year + district + "小学", district, "PRIMARY", 100);
		batches.replace(district, year, batches.plan(district, year).version(),
				List.of(new Batch(1, "第一批", 3, BatchScope.DISTRICT)), Actor.SYSTEM);
	}

	/** A graduate of the district's primary school entering junior high in the year. */
	Family graduate(int year, String district, String name) {
		int n = next.incrementAndGet();
		LocalDate born = LocalDate.of(year - 12, 1, 1).plusDays(n % 300);
		IdCardNumber child = IdCardNumber
			.withCheckDigit(district + born.toString().replace("-", "") + String.format("%03d", n % 1000));
		String educationId = "PL" + n + child.value().substring(6, 14);
		String mobile = "136" + String.format("%08d", n);
		students.register(new NewStudent(educationId, child, name, child.isMale() ? "MALE" : "FEMALE",
				child.birthDate(), year, primary(year, district), "六(1)班", district, district, "家长",
				new MobileNumber(mobile), Student.Origin.REGISTRY), Actor.SYSTEM);
		AccountId account = families.provision(child, name, educationId, new MobileNumber(mobile));
		SignedIn signedIn = new SignedIn(account, families.contact(account).orElseThrow().username(), name, Role.PARENT,
				district, null);
		return new Family(students.byEducationId(educationId).orElseThrow(), signedIn);
	}

	void school(String code, String name, String district, String level, int seats) {
		jdbc.sql("""
				insert into school (code, name, district_code, level, public, address, seats_per_year)
				values (?, ?, ?, ?, true, '测试地址', ?) on conflict do nothing
				""").params(code, name, district, level, seats).update();
	}

}
