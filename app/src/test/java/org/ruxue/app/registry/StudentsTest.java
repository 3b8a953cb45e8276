package org.ruxue.app.registry;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditTrail;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.population.IdCardNumber;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Student records against the real database: one per child and year, reads within scope
 * and on the record, and a move of district written to the student's path (R-J1, R-J4,
 * R-G9).
 */
@IntegrationTest
class StudentsTest {

	static final String SCHOOL = "REG-TEST-DC";

	@Autowired
	Students students;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void school() {
		jdbc.sql("""
				insert into school (code, name, district_code, level, public, address, seats_per_year)
				values (?, '学籍测试东城小学', '110101', 'PRIMARY', true, '测试地址', 100) on conflict do nothing
				""").param(SCHOOL).update();
	}

	@Test
	void rJ1_oneRecordPerChildAndEntryYear() {
		NewStudent s = graduate();
		students.register(s, Actor.SYSTEM);

		assertThat(students.byEducationId(s.educationId())).get()
			.satisfies(st -> assertThat(st.maskedIdNumber()).doesNotContain(s.idNumber().value().substring(6, 14)))
			.satisfies(st -> assertThat(st.districtCode()).isEqualTo("110101"));
		NewStudent again = new NewStudent("G" + System.nanoTime() % 1_000_000_000L, s.idNumber(), s.name(), s.sex(),
				s.birthDate(), s.entryYear(), s.schoolCode(), null, "110101", null, null, null,
				Student.Origin.REGISTRY);
		assertThatThrownBy(() -> students.register(again, Actor.SYSTEM)).isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void rG9_staffReadWithinTheirScopeOnTheRecord_othersRefused() {
		NewStudent s = graduate();
		students.register(s, Actor.SYSTEM);
		SignedIn dongcheng = new SignedIn(AccountId.random(), "reg-officer-dc", "区教委", Role.DISTRICT_OFFICER, "110101",
				null);
		SignedIn xicheng = new SignedIn(AccountId.random(), "reg-officer-xc", "区教委", Role.DISTRICT_OFFICER, "110102",
				null);
		SignedIn teacher = new SignedIn(AccountId.random(), "reg-teacher", "老师", Role.SCHOOL_STAFF, "110101", SCHOOL);

		students.open(s.educationId(), "核对", dongcheng);
		students.open(s.educationId(), "核对", teacher);
		assertThatThrownBy(() -> students.open(s.educationId(), "核对", xicheng))
			.isInstanceOf(AccessDeniedException.class);

		audit.seal();
		assertThat(jdbc.sql("""
				select count(*) from audit_entry where action = 'registry.read' and subject_id = ?
				""").param(s.educationId()).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void rJ4_aMoveOfDistrictIsOnThePath() {
		NewStudent s = graduate();
		students.register(s, Actor.SYSTEM);

		students.moveDistrict(s.educationId(), "110102", "回户籍区", Actor.of("reg-officer-xc", "DISTRICT_OFFICER"));

		assertThat(students.byEducationId(s.educationId()).orElseThrow().districtCode()).isEqualTo("110102");
		assertThat(students.path(s.educationId())).extracting(PathStep::step)
			.containsExactly("registry.registered.registry", "registry.moved-district");
	}

	static NewStudent graduate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		IdCardNumber id = IdCardNumber.withCheckDigit(String.format("1101012012%02d%02d%03d", 1 + random.nextInt(12),
				1 + random.nextInt(28), random.nextInt(1000)));
		return new NewStudent("G" + id.value(), id, "学籍测试", id.isMale() ? "MALE" : "FEMALE", id.birthDate(), 2026,
				SCHOOL, "六(1)班", "110101", "110101", "家长", new MobileNumber("13800138000"), Student.Origin.REGISTRY);
	}

}
