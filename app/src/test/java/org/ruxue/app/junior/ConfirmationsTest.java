package org.ruxue.app.junior;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.AuditTrail;
import org.ruxue.app.registry.PathStep;
import org.ruxue.app.registry.Student;
import org.ruxue.app.registry.Students;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The family's check of its student's data and the school's answer, against the real
 * database (R-J2, R-J3, R-G9): a confirmation is of exactly the version the family saw, a
 * correction clears it, only the graduating school answers, and every step is on the
 * student's path and in the audit trail.
 */
@IntegrationTest
class ConfirmationsTest {

	@Autowired
	JuniorFixtures fixtures;

	@Autowired
	Confirmations confirmations;

	@Autowired
	Corrections corrections;

	@Autowired
	Students students;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void world() {
		fixtures.world();
	}

	@Test
	void rJ2_theFamilyConfirmsTheVersionItSaw_onThePathAndOnTheRecord() {
		JuniorFixtures.Graduate g = fixtures.graduate("确认甲");
		assertThat(confirmations.ofFamily(g.family()).orElseThrow().nextStep()).isEqualTo("junior.next.confirm");

		ConfirmationStatus status = confirmations.confirm(g.family(), 0);

		assertThat(status.state()).isEqualTo(ConfirmationStatus.State.CONFIRMED);
		assertThat(status.confirmedAt()).isNotNull();
		assertThat(status.nextStep()).isEqualTo("junior.next.nothing");
		assertThat(confirmations.confirm(g.family(), 0).confirmedAt()).as("confirming again changes nothing")
			.isEqualTo(status.confirmedAt());
		assertThat(students.path(g.educationId())).extracting(PathStep::step)
			.containsExactly("registry.registered.registry", "junior.confirmed");
		audit.seal();
		assertThat(actions(g.educationId())).containsOnlyOnce("junior.confirmed");
	}

	@Test
	void rJ2_aDoubleClickConfirmsOnce() throws Exception {
		JuniorFixtures.Graduate g = fixtures.graduate("确认双击");
		java.util.concurrent.ExecutorService clicks = java.util.concurrent.Executors.newFixedThreadPool(4);
		java.util.concurrent.CountDownLatch together = new java.util.concurrent.CountDownLatch(4);
		java.util.List<java.util.concurrent.Future<ConfirmationStatus>> answers = new java.util.ArrayList<>();
		for (int i = 0; i < 4; i++) {
			answers.add(clicks.submit(() -> {
				together.countDown();
				together.await();
				return confirmations.confirm(g.family(), 0);
			}));
		}
		for (java.util.concurrent.Future<ConfirmationStatus> answer : answers) {
			assertThat(answer.get().state()).isEqualTo(ConfirmationStatus.State.CONFIRMED);
		}
		clicks.shutdown();

		assertThat(students.path(g.educationId())).extracting(PathStep::step)
			.containsExactly("registry.registered.registry", "junior.confirmed");
		audit.seal();
		assertThat(actions(g.educationId())).containsOnlyOnce("junior.confirmed");
	}

	@Test
	void rJ3_reportThenTeacherCorrectsThenConfirmationClearedThenFamilyConfirmsAgain() {
		JuniorFixtures.Graduate g = fixtures.graduate("纠错乙");
		confirmations.confirm(g.family(), 0);

		ErrorReport report = confirmations.reportError(g.family(), 0, "名字写错了，应为纠错丙；班级是六(2)班");
		ConfirmationStatus reported = confirmations.ofFamily(g.family()).orElseThrow();
		assertThat(reported.state()).isEqualTo(ConfirmationStatus.State.ERROR_REPORTED);
		assertThat(reported.nextStep()).isEqualTo("junior.next.wait");
		assertThatThrownBy(() -> confirmations.confirm(g.family(), 0)).isInstanceOf(JuniorRefused.class)
			.hasMessage("junior.error.report-open");

		var teacher = JuniorFixtures.teacher(JuniorFixtures.SCHOOL);
		assertThat(corrections.reports(teacher)).extracting(l -> l.report().id()).contains(report.id());
		assertThat(corrections.reports(teacher)).filteredOn(l -> l.report().id().equals(report.id()))
			.extracting(Corrections.Line::maskedName)
			.containsExactly("纠**");
		Corrections.Opened opened = corrections.open(report.id(), teacher);
		assertThat(opened.report().text()).contains("纠错丙");
		List<String> changed = corrections.correct(report.id(), opened.student().version(),
				form(opened.student(), "纠错丙", "六(2)班"), teacher);

		assertThat(changed).containsExactly("name", "className");
		Student corrected = students.byEducationId(g.educationId()).orElseThrow();
		assertThat(corrected.name()).isEqualTo("纠错丙");
		assertThat(corrected.version()).isEqualTo(1);
		ConfirmationStatus toConfirm = confirmations.ofFamily(g.family()).orElseThrow();
		assertThat(toConfirm.state()).isEqualTo(ConfirmationStatus.State.TO_CONFIRM);
		assertThat(toConfirm.nextStep()).isEqualTo("junior.next.confirm-corrected");
		assertThat(toConfirm.lastAnswer().resolution()).isEqualTo(ErrorReport.Resolution.CORRECTED);

		assertThat(confirmations.confirm(g.family(), 1).state()).isEqualTo(ConfirmationStatus.State.CONFIRMED);
		assertThat(students.path(g.educationId())).extracting(PathStep::step)
			.containsExactly("registry.registered.registry", "junior.confirmed", "junior.error-reported",
					"junior.corrected", "junior.confirmed");

		audit.seal();
		assertThat(actions(g.educationId())).contains("junior.error-reported", "registry.read", "junior.corrected",
				"registry.student.corrected");
		assertThat(jdbc.sql("""
				select concat_ws(' ', before_state, after_state) from audit_entry
				where subject_id = ? and action in ('junior.corrected', 'registry.student.corrected')
				""").param(g.educationId()).query(String.class).list()).hasSize(2)
			.allSatisfy(summary -> assertThat(summary).contains("name,className")
				.doesNotContain("纠错", "六(", g.child().value()));
		assertThat(jdbc.sql("""
				select count(*) from notification_message where template_key = 'junior.sms.corrected' and mobile = ?
				""").param(g.mobile()).query(Long.class).single()).as("R-G6: the family is told").isEqualTo(1);
	}

	@Test
	void rJ2_aConfirmationOfTheOldVersionIsRefusedAfterACorrection() {
		JuniorFixtures.Graduate g = fixtures.graduate("过期丁");
		ErrorReport report = confirmations.reportError(g.family(), 0, "出生日期不对");
		var teacher = JuniorFixtures.teacher(JuniorFixtures.SCHOOL);
		Student seen = corrections.open(report.id(), teacher).student();
		corrections.correct(report.id(), seen.version(),
				new CorrectionForm(seen.name(), seen.sex(), seen.birthDate().plusDays(1).toString(), seen.className(),
						seen.hukouDistrictCode(), seen.guardianName()),
				teacher);

		assertThatThrownBy(() -> confirmations.confirm(g.family(), 0)).isInstanceOf(RecordChanged.class);
		assertThat(confirmations.ofFamily(g.family()).orElseThrow().state())
			.isEqualTo(ConfirmationStatus.State.TO_CONFIRM);
		assertThat(students.path(g.educationId())).extracting(PathStep::step).doesNotContain("junior.confirmed");
	}

	@Test
	void rJ3_aTeacherWhoSawAnOlderVersionCannotOverwriteTheNewOne() {
		JuniorFixtures.Graduate g = fixtures.graduate("并发戊");
		ErrorReport report = confirmations.reportError(g.family(), 0, "班级不对");
		var teacher = JuniorFixtures.teacher(JuniorFixtures.SCHOOL);
		Student seen = corrections.open(report.id(), teacher).student();

		assertThatThrownBy(
				() -> corrections.correct(report.id(), seen.version() + 5, form(seen, seen.name(), "六(3)班"), teacher))
			.isInstanceOf(RecordChanged.class);
		assertThat(students.byEducationId(g.educationId()).orElseThrow().className()).isEqualTo("六(1)班");
		assertThat(corrections.open(report.id(), teacher).report().isOpen()).isTrue();
	}

	@Test
	void rJ3_aTeacherOfAnotherSchoolOrAnotherDistrictIsRefused_andNothingChanges() {
		JuniorFixtures.Graduate g = fixtures.graduate("越权己");
		ErrorReport report = confirmations.reportError(g.family(), 0, "姓名有误");
		Student seen = students.byEducationId(g.educationId()).orElseThrow();

		for (var outsider : List.of(JuniorFixtures.teacher(JuniorFixtures.OTHER_SCHOOL),
				JuniorFixtures.teacher(JuniorFixtures.XICHENG_SCHOOL), JuniorFixtures.officer("110101"))) {
			assertThatThrownBy(() -> corrections.open(report.id(), outsider)).isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> corrections.correct(report.id(), 0, form(seen, "越权庚", null), outsider))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> corrections.uphold(report.id(), "无误", outsider))
				.isInstanceOf(AccessDeniedException.class);
			assertThat(corrections.reports(outsider)).extracting(l -> l.report().id()).doesNotContain(report.id());
		}
		assertThat(students.byEducationId(g.educationId()).orElseThrow().name()).isEqualTo("越权己");
		assertThat(confirmations.ofFamily(g.family()).orElseThrow().state())
			.isEqualTo(ConfirmationStatus.State.ERROR_REPORTED);
		audit.seal();
		assertThat(actions(g.educationId())).doesNotContain("registry.read", "junior.corrected");
	}

	@Test
	void rJ3_theTeacherUpholdsTheDataWithAReasonTheFamilyReads() {
		JuniorFixtures.Graduate g = fixtures.graduate("无误庚");
		ErrorReport report = confirmations.reportError(g.family(), 0, "性别不对");
		var teacher = JuniorFixtures.teacher(JuniorFixtures.SCHOOL);

		corrections.uphold(report.id(), "与户口簿一致，已电话核实", teacher);

		ConfirmationStatus status = confirmations.ofFamily(g.family()).orElseThrow();
		assertThat(status.state()).isEqualTo(ConfirmationStatus.State.TO_CONFIRM);
		assertThat(status.nextStep()).isEqualTo("junior.next.confirm-upheld");
		assertThat(status.lastAnswer().reason()).isEqualTo("与户口簿一致，已电话核实");
		assertThatThrownBy(() -> corrections.uphold(report.id(), "再次", teacher)).isInstanceOf(JuniorRefused.class)
			.hasMessage("junior.error.answered");
		assertThat(confirmations.confirm(g.family(), 0).state()).isEqualTo(ConfirmationStatus.State.CONFIRMED);
		assertThat(students.path(g.educationId())).extracting(PathStep::step).contains("junior.data-upheld");
		assertThat(jdbc
			.sql("select count(*) from notification_message where template_key = 'junior.sms.data-upheld'"
					+ " and mobile = ?")
			.param(g.mobile())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void badInputIsRefusedWithAKeyAndChangesNothing() {
		JuniorFixtures.Graduate g = fixtures.graduate("输入辛");

		assertThatThrownBy(() -> confirmations.reportError(g.family(), 0, "  ")).isInstanceOf(JuniorRefused.class)
			.hasMessage("junior.error.text-required");
		assertThatThrownBy(() -> confirmations.reportError(g.family(), 0, "x".repeat(501)))
			.isInstanceOf(JuniorRefused.class)
			.hasMessage("junior.error.text-too-long");
		assertThatThrownBy(() -> confirmations.reportError(g.family(), 7, "有误")).isInstanceOf(RecordChanged.class);
		assertThat(confirmations.ofFamily(g.family()).orElseThrow().state())
			.isEqualTo(ConfirmationStatus.State.TO_CONFIRM);

		ErrorReport report = confirmations.reportError(g.family(), 0, "班级有误");
		var teacher = JuniorFixtures.teacher(JuniorFixtures.SCHOOL);
		Student seen = students.byEducationId(g.educationId()).orElseThrow();
		assertThatThrownBy(() -> corrections.correct(report.id(), 0,
				new CorrectionForm(seen.name(), seen.sex(), "2005-02-30", null, null, null), teacher))
			.isInstanceOf(JuniorRefused.class)
			.extracting(e -> ((JuniorRefused) e).field())
			.isEqualTo("birthDate");
		assertThatThrownBy(() -> corrections.correct(report.id(), 0, form(seen, "张3", null), teacher))
			.isInstanceOf(JuniorRefused.class)
			.hasMessage("junior.error.name");
		assertThatThrownBy(
				() -> corrections.correct(report.id(), 0, form(seen, seen.name(), seen.className()), teacher))
			.isInstanceOf(JuniorRefused.class)
			.hasMessage("junior.error.nothing-changed");
		assertThat(students.byEducationId(g.educationId()).orElseThrow().version()).isZero();
	}

	private static CorrectionForm form(Student s, String name, String className) {
		return new CorrectionForm(name, s.sex(), s.birthDate().toString(), className, s.hukouDistrictCode(),
				s.guardianName());
	}

	private List<String> actions(String educationId) {
		return jdbc.sql("select action from audit_entry where subject_id = ? order by position")
			.param(educationId)
			.query(String.class)
			.list();
	}

}
