package org.ruxue.app.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.zoning.EntryLevel;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Enrollments as the admission module hands them over (R-G3), each of a child no other
 * test uses, at schools of the test database: two junior highs in Dongcheng, one in
 * Xicheng, a primary school in Dongcheng. Every test takes a year of its own, so that a
 * send or a reconciliation sees its own enrollments only.
 */
final class Enrollments {

	static final String DONGCHENG_JUNIOR = "HANDOFF-DC-J1";

	static final String DONGCHENG_JUNIOR_2 = "HANDOFF-DC-J2";

	static final String XICHENG_JUNIOR = "HANDOFF-XC-J1";

	static final String DONGCHENG_PRIMARY = "HANDOFF-DC-P1";

	private static final AtomicInteger years = new AtomicInteger(2040);

	private static final AtomicInteger next = new AtomicInteger((int) (System.nanoTime() % 500) * 700);

	private Enrollments() {
	}

	static void schools(JdbcClient jdbc) {
		school(jdbc, DONGCHENG_JUNIOR, "移交测试东城中学", "110101", "JUNIOR");
		school(jdbc, DONGCHENG_JUNIOR_2, "移交测试东城二中", "110101", "JUNIOR");
		school(jdbc, XICHENG_JUNIOR, "移交测试西城中学", "110102", "JUNIOR");
		school(jdbc, DONGCHENG_PRIMARY, "移交测试东城小学", "110101", "PRIMARY");
	}

	private static void school(JdbcClient jdbc, String code, String name, String district, String level) {
		jdbc.sql("""
				insert into school (code, name, district_code, level, public, address, seats_per_year)
				values (?, ?, ?, ?, true, '测试地址', 100) on conflict do nothing
				""").params(code, name, district, level).update();
	}

	/** A year no other test sends or reconciles. */
	static int freshYear() {
		int year = years.getAndIncrement();
		if (year > 2100) {
			throw new IllegalStateException("No fresh enrollment year left");
		}
		return year;
	}

	/** A junior-entry enrollment at the Dongcheng junior high, by lottery. */
	static Enrollment junior(int year, String name) {
		return junior(year, name, DONGCHENG_JUNIOR);
	}

	static Enrollment junior(int year, String name, String school) {
		IdCardNumber id = idNumber(LocalDate.of(year - 12, 9, 1));
		String educationId = String.format("H%010d", next.incrementAndGet());
		return new Enrollment(EntryLevel.JUNIOR, year, educationId, district(school), school, "LOTTERY", name,
				id.isMale() ? "MALE" : "FEMALE", id.birthDate(), id, educationId);
	}

	/**
	 * A primary-entry enrollment by zone, keyed by its registration number; no education
	 * ID yet and, here, no ID number.
	 */
	static Enrollment primaryWithoutIdNumber(int year, String name) {
		String number = year + "-110101-" + String.format("%06d", next.incrementAndGet() % 1_000_000);
		return new Enrollment(EntryLevel.PRIMARY, year, number, "110101", DONGCHENG_PRIMARY, "ZONE", name, "FEMALE",
				LocalDate.of(year - 6, 3, 1), null, null);
	}

	static List<Enrollment> juniors(int year, int count) {
		List<Enrollment> all = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			all.add(junior(year, "移交学生" + i));
		}
		return all;
	}

	/** The enrollment at another school: a correction. */
	static Enrollment atSchool(Enrollment e, String school, String method) {
		return new Enrollment(e.level(), e.year(), e.key(), district(school), school, method, e.name(), e.sex(),
				e.birthDate(), e.idNumber(), e.educationId());
	}

	private static String district(String school) {
		return school.startsWith("HANDOFF-XC") ? "110102" : "110101";
	}

	private static IdCardNumber idNumber(LocalDate around) {
		int n = next.incrementAndGet();
		LocalDate born = around.plusDays(n % 360);
		String sequence = String.format("%03d", 100 + (n / 360) % 890);
		return IdCardNumber.withCheckDigit("110101" + born.toString().replace("-", "") + sequence);
	}

}
