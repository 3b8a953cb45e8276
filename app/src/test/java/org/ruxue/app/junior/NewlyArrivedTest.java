package org.ruxue.app.junior;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.AuditTrail;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.registry.PathStep;
import org.ruxue.app.registry.Student;
import org.ruxue.app.registry.Students;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A district registers newly arrived students after checking their proof (R-J5): the
 * hukou booklet moved into the district, or the street office's study permit; the proof
 * is on the record, the family gets an account to activate, bad input stores nothing.
 */
@IntegrationTest
class NewlyArrivedTest {

	@Autowired
	JuniorFixtures fixtures;

	@Autowired
	NewlyArrived newlyArrived;

	@Autowired
	Students students;

	@Autowired
	FamilyAccounts families;

	@Autowired
	Confirmations confirmations;

	@Autowired
	Corrections corrections;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void world() {
		fixtures.world();
	}

	@Test
	void rJ5_aHukouHolderWhoseBookletMovedIntoTheDistrictEntersIt() {
		IdCardNumber child = child("迁入甲", "110101");
		String mobile = JuniorFixtures.freshMobile();

		Student s = newlyArrived.register(form("HUKOU", "hk-2017-0042", child, "迁入甲", mobile),
				JuniorFixtures.officer("110102"));

		assertThat(s.origin()).isEqualTo(Student.Origin.NEWLY_ARRIVED);
		assertThat(s.districtCode()).isEqualTo("110102");
		assertThat(s.hukouDistrictCode()).isEqualTo("110102");
		assertThat(s.schoolCode()).isNull();
		assertThat(s.birthDate()).isEqualTo(child.birthDate());
		assertThat(s.educationId()).matches("N1101022017\\d{6}");
		assertThat(s.familyAccount()).as("the family can activate and sign in").isNotNull();
		assertThat(families.contact(s.familyAccount())).get()
			.satisfies(c -> assertThat(c.mobile().value()).isEqualTo(mobile));
		assertThat(
				jdbc.sql("select proof_kind || ' ' || proof_reference from junior_newly_arrived where education_id = ?")
					.param(s.educationId())
					.query(String.class)
					.single())
			.isEqualTo("HUKOU HK-2017-0042");
		assertThat(newlyArrived.ofDistrict(JuniorFixtures.officer("110102")))
			.extracting(NewlyArrived.Registered::educationId)
			.contains(s.educationId());
		assertThat(newlyArrived.ofDistrict(JuniorFixtures.officer("110101")))
			.extracting(NewlyArrived.Registered::educationId)
			.doesNotContain(s.educationId());
		assertThat(students.path(s.educationId())).extracting(PathStep::step)
			.containsExactly("registry.registered.newly-arrived");
		audit.seal();
		assertThat(
				jdbc.sql("select after_state from audit_entry where subject_id = ? and action = 'junior.newly-arrived'")
					.param(s.educationId())
					.query(String.class)
					.single())
			.isEqualTo("district=110102 proof=HUKOU")
			.doesNotContain(child.value());
		assertThat(jdbc
			.sql("select count(*) from notification_message where template_key = 'junior.sms.newly-arrived'"
					+ " and mobile = ?")
			.param(mobile)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void rJ5_aNonLocalChildWithTheStreetOfficesStudyPermitEntersTheDistrict() {
		IdCardNumber child = child("迁入乙", "130102");

		Student s = newlyArrived.register(
				form("STUDY_PERMIT", "JD20170031", child, "迁入乙", JuniorFixtures.freshMobile()),
				JuniorFixtures.officer("110101"));

		assertThat(s.districtCode()).isEqualTo("110101");
		assertThat(s.hukouDistrictCode()).as("non-local hukou").isNull();
		assertThat(jdbc.sql("select proof_kind from junior_newly_arrived where education_id = ?")
			.param(s.educationId())
			.query(String.class)
			.single()).isEqualTo("STUDY_PERMIT");
	}

	@Test
	void rJ3_theDistrictAnswersTheReportsAboutItsNewlyArrivedStudents() {
		IdCardNumber child = child("迁入戊", "110101");
		Student s = newlyArrived.register(form("HUKOU", "HK-77-01", child, "迁入戊", JuniorFixtures.freshMobile()),
				JuniorFixtures.officer("110101"));
		SignedIn family = new SignedIn(s.familyAccount(), families.contact(s.familyAccount()).orElseThrow().username(),
				"迁入戊", Role.PARENT, "110101", null);
		ErrorReport report = confirmations.reportError(family, s.version(), "监护人姓名写错了");

		assertThat(corrections.reports(JuniorFixtures.officer("110101"))).extracting(l -> l.report().id())
			.contains(report.id());
		assertThatThrownBy(() -> corrections.open(report.id(), JuniorFixtures.officer("110102")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> corrections.open(report.id(), JuniorFixtures.teacher(JuniorFixtures.SCHOOL)))
			.isInstanceOf(AccessDeniedException.class);
		Student seen = corrections.open(report.id(), JuniorFixtures.officer("110101")).student();
		corrections
			.correct(
					report.id(), seen.version(), new CorrectionForm(seen.name(), seen.sex(),
							seen.birthDate().toString(), null, seen.hukouDistrictCode(), "迁入戊爸爸"),
					JuniorFixtures.officer("110101"));

		assertThat(students.byEducationId(s.educationId()).orElseThrow().guardianName()).isEqualTo("迁入戊爸爸");
		assertThat(confirmations.ofFamily(family).orElseThrow().nextStep()).isEqualTo("junior.next.confirm-corrected");
	}

	@Test
	void badInputIsRefusedFieldByFieldAndStoresNothing() {
		IdCardNumber child = child("迁入丙", "110101");
		String mobile = JuniorFixtures.freshMobile();
		var officer = JuniorFixtures.officer("110101");
		long before = count();

		assertRefused(form(null, "HK0001", child, "迁入丙", mobile), "proofKind");
		assertRefused(form("PASSPORT", "HK0001", child, "迁入丙", mobile), "proofKind");
		assertRefused(form("HUKOU", "", child, "迁入丙", mobile), "proofReference");
		assertRefused(form("HUKOU", "户口簿", child, "迁入丙", mobile), "proofReference");
		String valid = IdCardNumber.withCheckDigit("11010120050101123").value();
		String wrongCheckDigit = valid.substring(0, 17) + (valid.endsWith("0") ? "1" : "0");
		assertRefused(new NewlyArrivedForm("HUKOU", "HK0001", wrongCheckDigit, "迁入丙", "家长", mobile), "childIdNumber");
		assertRefused(form("HUKOU", "HK0001", child, "", mobile), "name");
		assertRefused(form("HUKOU", "HK0001", child, "迁入丙", "12345"), "mobile");
		assertThat(count()).isEqualTo(before);

		newlyArrived.register(form("HUKOU", "HK0001", child, "迁入丙", mobile), officer);
		assertThatThrownBy(() -> newlyArrived.register(form("HUKOU", "HK0002", child, "迁入丙", mobile), officer))
			.isInstanceOf(JuniorRefused.class)
			.hasMessage("junior.error.known-child");
		assertThat(count()).as("one student, one proof").isEqualTo(before + 2);

		assertThatThrownBy(() -> newlyArrived.register(form("HUKOU", "HK0003", child("迁入丁", "110101"), "迁入丁", mobile),
				JuniorFixtures.teacher(JuniorFixtures.SCHOOL)))
			.isInstanceOf(AccessDeniedException.class);
	}

	private void assertRefused(NewlyArrivedForm form, String field) {
		assertThatThrownBy(() -> newlyArrived.register(form, JuniorFixtures.officer("110101")))
			.isInstanceOf(JuniorRefused.class)
			.extracting(e -> ((JuniorRefused) e).field())
			.isEqualTo(field);
	}

	private long count() {
		return jdbc.sql("select (select count(*) from student) + (select count(*) from junior_newly_arrived)")
			.query(Long.class)
			.single();
	}

	private static int next = 0;

	private IdCardNumber child(String name, String addressCode) {
		next++;
		return fixtures.register.newPerson(name, addressCode, LocalDate.of(2005, 6, 1).plusDays(next * 3L),
				addressCode.startsWith("11") ? "110101" : null, false);
	}

	private static NewlyArrivedForm form(String kind, String reference, IdCardNumber child, String name,
			String mobile) {
		return new NewlyArrivedForm(kind, reference, child.value(), name, name + "家长", mobile);
	}

}
