package org.ruxue.app.registry;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.AuditTrail;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SentCodes;
import org.ruxue.app.identity.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * R-J1 against the real database: an export in CSV or XLSX read into a preview with its
 * row report, written on confirmation (valid rows only, all at once), the same export
 * again changing nothing, a changed row updating its student, and every graduate's family
 * account provisioned and able to activate with the education ID.
 */
@IntegrationTest
class GraduateImportTest {

	static final SignedIn CITY = new SignedIn(AccountId.random(), "reg-import-city", "市教委", Role.CITY_ADMIN, null,
			null);

	@Autowired
	GraduateImports imports;

	@Autowired
	Students students;

	@Autowired
	FamilyAccounts families;

	@Autowired
	SentCodes codes;

	@Autowired
	AuditTrail audit;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void schools() {
		Graduates.schools(jdbc);
	}

	@Test
	void rJ1_importsACsvExportOnConfirmationOnly() {
		List<String> a = Graduates.inDongcheng("导入甲");
		List<String> b = Graduates.inXicheng("导入乙");

		ImportJob preview = read(Graduates.csv(a, b), "graduates.csv");

		assertThat(preview.status()).isEqualTo(ImportJob.Status.READY);
		assertThat(preview.added()).isEqualTo(2);
		assertThat(students.byEducationId(a.get(0))).as("nothing written before confirmation").isEmpty();

		ImportJob written = confirm(preview);

		assertThat(written.status()).isEqualTo(ImportJob.Status.WRITTEN);
		assertThat(written.rowsWritten()).isEqualTo(2);
		Student student = students.byEducationId(a.get(0)).orElseThrow();
		assertThat(student.name()).isEqualTo("导入甲");
		assertThat(student.maskedIdNumber()).isEqualTo(a.get(2).substring(0, 6) + "********" + a.get(2).substring(14));
		assertThat(student.schoolCode()).isEqualTo(Graduates.DONGCHENG_SCHOOL);
		assertThat(student.className()).isEqualTo("六(2)班");
		assertThat(student.entryYear()).isEqualTo(2017);
		assertThat(student.mobile().value()).isEqualTo(a.get(10));
		assertThat(student.version()).isZero();
		assertThat(students.path(a.get(0))).extracting(PathStep::step).containsExactly("registry.registered.registry");
		assertThat(students.byEducationId(b.get(0)).orElseThrow().districtCode()).isEqualTo("110102");
	}

	@Test
	void rJ1_importsAnXlsxExport() {
		List<String> a = Graduates.inDongcheng("表格甲");

		ImportJob written = confirm(read(Graduates.xlsx(a), "graduates.xlsx"));

		assertThat(written.added()).isEqualTo(1);
		assertThat(students.byEducationId(a.get(0))).get().extracting(Student::name).isEqualTo("表格甲");
	}

	@Test
	void rJ1_reportsEveryBadRowInTheReadersLanguageAndWritesTheGoodOnes() {
		List<String> good = Graduates.inDongcheng("报告好");
		List<String> checkDigit = Graduates.inDongcheng("报告校验");
		String id = checkDigit.get(2);
		char wrong = (id.charAt(17) == '0') ? '1' : '0';
		List<String> badCheckDigit = Graduates.with(checkDigit, 2, id.substring(0, 17) + wrong);
		List<String> unknownSchool = Graduates.with(Graduates.inDongcheng("报告学校"), 5, "NO-SUCH-SCHOOL");
		List<String> otherDistrict = Graduates.with(Graduates.inDongcheng("报告区"), 7, "110102");
		List<String> badMobile = Graduates.with(Graduates.inDongcheng("报告手机"), 10, "1234");
		List<String> twice = Graduates.inDongcheng("报告重复");
		List<String> twiceAgain = Graduates.with(Graduates.inDongcheng("报告重复二"), 0, twice.get(0));

		ImportJob preview = read(
				Graduates.csv(good, badCheckDigit, unknownSchool, otherDistrict, badMobile, twice, twiceAgain),
				"report.csv");

		assertThat(preview.rowsWithErrors()).isEqualTo(6);
		assertThat(preview.added()).isEqualTo(1);
		assertThat(preview.confirmable()).isTrue();
		List<ImportProblem> report = imports.problems(preview.id(), 100);
		assertThat(report).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::messageKey)
			.contains(
					org.assertj.core.groups.Tuple.tuple(3, "id_number", "registry.import.error.id-number.check-digit"),
					org.assertj.core.groups.Tuple.tuple(4, "school_code", "registry.import.error.unknown-school"),
					org.assertj.core.groups.Tuple.tuple(5, "school_code", "registry.import.error.school-district"),
					org.assertj.core.groups.Tuple.tuple(6, "guardian_mobile", "registry.import.error.mobile"),
					org.assertj.core.groups.Tuple.tuple(7, "education_id",
							"registry.import.error.duplicate-education-id"),
					org.assertj.core.groups.Tuple.tuple(8, "education_id",
							"registry.import.error.duplicate-education-id"));
		ImportProblem district = report.stream().filter(p -> p.row() == 5).findFirst().orElseThrow();
		assertThat(messages.getMessage(district.messageKey(), district.args().toArray(), Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("学校 REG-IMP-DC（导入测试东城小学）属于东城区，与所在区（西城区）不符。");
		assertThat(messages.getMessage(district.messageKey(), district.args().toArray(), Locale.ENGLISH))
			.isEqualTo("School REG-IMP-DC (导入测试东城小学) is in 东城区, not in the row's district (西城区).");
		assertThat(report).noneSatisfy(p -> assertThat(String.join(",", p.args())).contains(id.substring(0, 17)));

		confirm(preview);

		assertThat(students.byEducationId(good.get(0))).isPresent();
		assertThat(students.byEducationId(badCheckDigit.get(0))).isEmpty();
		assertThat(students.byEducationId(twice.get(0))).isEmpty();
		assertThat(imports.problems(preview.id(), 100)).as("the report stays with the result").hasSize(report.size());
		assertThat(jdbc.sql("select count(*) from registry_import_row where import_id = ?")
			.param(preview.id())
			.query(Long.class)
			.single()).as("no personal data left staged").isZero();
	}

	@Test
	void rJ1_aChildKnownUnderAnotherEducationIdIsReportedNotWritten() {
		List<String> first = Graduates.inDongcheng("另号");
		confirm(read(Graduates.csv(first), "first.csv"));
		List<String> renumbered = Graduates.with(first, 0, "H" + first.get(2));

		ImportJob preview = read(Graduates.csv(renumbered), "renumbered.csv");

		assertThat(preview.rowsWithErrors()).isEqualTo(1);
		assertThat(preview.confirmable()).isFalse();
		assertThat(imports.problems(preview.id(), 10)).singleElement()
			.satisfies(p -> assertThat(p.messageKey()).isEqualTo("registry.import.error.child-known"));
	}

	@Test
	void rJ1_theSameExportTwiceChangesNothing_aChangedRowUpdatesItsStudent() {
		List<String> a = Graduates.inDongcheng("再导甲");
		List<String> b = Graduates.inDongcheng("再导乙");
		byte[] export = Graduates.csv(a, b);
		confirm(read(export, "first.csv"));

		ImportJob again = read(export, "again.csv");

		assertThat(again.added() + again.changed()).isZero();
		assertThat(again.unchanged()).isEqualTo(2);
		assertThat(again.confirmable()).isFalse();

		String mobile = Graduates.mobile();
		List<String> changed = Graduates.with(Graduates.with(a, 6, "六(5)班"), 10, mobile);
		ImportJob preview = read(Graduates.csv(changed, b), "changed.csv");
		assertThat(preview.changed()).isEqualTo(1);
		assertThat(imports.preview(preview.id(), "CHANGE", 10)).singleElement()
			.satisfies(r -> assertThat(r.changedFields()).containsExactly("class_name", "guardian_mobile"));
		confirm(preview);

		Student student = students.byEducationId(a.get(0)).orElseThrow();
		assertThat(student.version()).isEqualTo(1);
		assertThat(student.className()).isEqualTo("六(5)班");
		assertThat(student.mobile().value()).isEqualTo(mobile);
		assertThat(students.byEducationId(b.get(0)).orElseThrow().version()).isZero();
		assertThat(students.path(a.get(0))).extracting(PathStep::step)
			.containsExactly("registry.registered.registry", "registry.updated");
		audit.seal();
		List<String> entry = jdbc.sql("""
				select coalesce(before_state, '') || ' | ' || coalesce(after_state, '') from audit_entry
				where action = 'registry.student.updated' and subject_id = ?
				""").param(a.get(0)).query(String.class).list();
		assertThat(entry).singleElement()
			.satisfies(e -> assertThat(e).contains("version=0", "version=1", "changed=class_name,guardian_mobile")
				.doesNotContain(mobile, "再导甲", a.get(2)));
	}

	@Test
	void rJ1_aStudentMovedToAnotherDistrictKeepsItsDistrictOnReimport() {
		List<String> a = Graduates.inDongcheng("转区甲");
		confirm(read(Graduates.csv(a), "first.csv"));
		students.moveDistrict(a.get(0), "110102", "回户籍区", org.ruxue.app.audit.Actor.SYSTEM);

		ImportJob again = read(Graduates.csv(a), "again.csv");

		assertThat(again.unchanged()).isEqualTo(1);
	}

	@Test
	void rG2_everyGraduateGetsAFamilyAccountThatActivatesWithTheEducationId() {
		List<String> a = Graduates.inXicheng("账户甲");
		ImportJob written = confirm(read(Graduates.csv(a), "accounts.csv"));

		assertThat(written.accountsProvisioned()).isEqualTo(1);
		FamilyAccounts.Family family = family(a);
		assertThat(family.districtCode()).isEqualTo("110102");
		assertThat(family.mobile().value()).isEqualTo(a.get(10));
		assertThat(family.activated()).isFalse();

		FamilyAccounts.Started started = families.startActivation(a.get(0).toLowerCase(Locale.ROOT), "账户甲", null,
				"203.0.113.71");
		assertThat(started.step()).isEqualTo(FamilyAccounts.Step.CODE_SENT);
		assertThat(families.completeActivation(started.pending(), codes.lastCodeTo(a.get(10)),
				"a long enough family password"))
			.isEqualTo(FamilyAccounts.Step.DONE);
		assertThat(family(a).activated()).isTrue();

		confirm(read(Graduates.csv(a, Graduates.inXicheng("账户乙")), "again.csv"));
		audit.seal();
		assertThat(jdbc.sql("""
				select count(*) from audit_entry where action = 'identity.family.provisioned-in-bulk'
				""").query(Long.class).single()).as("one entry per run, not per account").isGreaterThanOrEqualTo(2);
		assertThat(family(a).activated()).as("a re-import keeps the account").isTrue();
	}

	@Test
	void aCancelledImportWritesNothingAndCannotBeConfirmedAfter() {
		List<String> a = Graduates.inDongcheng("取消甲");
		ImportJob preview = read(Graduates.csv(a), "cancel.csv");

		assertThat(imports.cancel(preview.id(), CITY)).isTrue();

		assertThat(imports.job(preview.id(), CITY).status()).isEqualTo(ImportJob.Status.CANCELLED);
		assertThat(imports.confirm(preview.id(), CITY)).isFalse();
		assertThat(students.byEducationId(a.get(0))).isEmpty();
		assertThat(jdbc.sql("select count(*) from registry_import_row where import_id = ?")
			.param(preview.id())
			.query(Long.class)
			.single()).as("no personal data left staged").isZero();
	}

	@Test
	void onlyTheCityImports() {
		SignedIn officer = new SignedIn(AccountId.random(), "reg-import-dc", "东城区教委", Role.DISTRICT_OFFICER, "110101",
				null);

		assertThatThrownBy(() -> imports.start(officer, "x.csv", Graduates.csv(Graduates.inDongcheng("越权")), 2017))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aFileWithoutTheRequiredColumnsIsRefusedAsAWhole() {
		ImportJob job = read("姓名,身份证号\n张三,110101200501010011\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
				"wrong.csv");

		assertThat(job.status()).isEqualTo(ImportJob.Status.REFUSED);
		assertThat(messages.getMessage(job.problemKey(), job.problemArgs().toArray(), Locale.SIMPLIFIED_CHINESE))
			.startsWith("缺少必填的列：教育ID、性别");
	}

	/** The graduate's family account, found through its student's education ID. */
	FamilyAccounts.Family family(List<String> graduate) {
		AccountId id = students.byEducationId(graduate.get(0)).orElseThrow().familyAccount();
		assertThat(id).as("a family account with the education ID").isNotNull();
		return families.open(id, "test", CITY);
	}

	ImportJob read(byte[] export, String name) {
		UUID id = imports.start(CITY, name, export, 2017);
		return waitFor(id);
	}

	ImportJob confirm(ImportJob preview) {
		assertThat(imports.confirm(preview.id(), CITY)).isTrue();
		return waitFor(preview.id());
	}

	ImportJob waitFor(UUID id) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		ImportJob job = imports.job(id, CITY);
		while ((job.status() == ImportJob.Status.READING || job.status() == ImportJob.Status.WRITING)
				&& System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			job = imports.job(id, CITY);
		}
		return job;
	}

}
