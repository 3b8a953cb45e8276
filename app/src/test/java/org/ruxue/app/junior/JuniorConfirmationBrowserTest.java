package org.ruxue.app.junior;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.ruxue.app.Browser;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.identity.ActivatedFamilies;
import org.ruxue.app.identity.NewAccount;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.StaffAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's confirmation journey in a real browser (R-J2, R-J3, R-G9): the family
 * confirms its child's data → reports an error → the graduating school's teacher corrects
 * the record → the family, told to check again, confirms the corrected data, and the
 * whole story is on the child's enrollment path.
 */
@IntegrationTest
class JuniorConfirmationBrowserTest {

	private static final String PASSWORD = "junior browser family";

	private static final String STAFF_PASSWORD = "junior browser teacher";

	private static final String TEACHER = "jrb-teacher-dc1";

	@LocalServerPort
	int port;

	@Autowired
	JuniorFixtures fixtures;

	@Autowired
	ActivatedFamilies activated;

	@Autowired
	StaffAccounts staff;

	@BeforeEach
	void world() {
		fixtures.world();
		if (!staff.exists(TEACHER)) {
			staff.create(new NewAccount(TEACHER, "东城一小老师", Role.SCHOOL_STAFF, "110101", JuniorFixtures.SCHOOL),
					STAFF_PASSWORD, false, Actor.SYSTEM);
		}
	}

	@Test
	void rJ3_familyConfirmsThenReportsThenTeacherCorrectsThenFamilyConfirmsAgain_rJ2() {
		JuniorFixtures.Graduate g = fixtures.graduate("浏览小升");
		activated.activate(g.family().id(), g.mobile(), PASSWORD);

		// the family checks the data and confirms it
		WebDriver family = signInAsFamily(g);
		family.get(url("/junior"));
		assertThat(text(family, "state")).isEqualTo("待确认");
		assertThat(text(family, "do-now-text")).contains("请核对下面的信息");
		assertThat(text(family, "data-className")).isEqualTo("六(1)班");
		assertThat(text(family, "data-idNumber")).doesNotContain(g.child().value().substring(6, 14));
		click(family, By.id("confirm"));
		assertThat(text(family, "notice")).contains("已确认");
		assertThat(text(family, "state")).isEqualTo("已确认");

		// then finds the class wrong and tells the school
		Browser.type(family, "text", "班级应为六(2)班");
		click(family, By.id("report"));
		assertThat(text(family, "state")).isEqualTo("已反映问题，待学校核实");
		assertThat(text(family, "do-now-text")).contains("学校正在核实");
		assertThat(family.findElements(By.id("confirm"))).isEmpty();
		Browser.screenshot("junior-reported");

		// the teacher of the graduating school corrects the record
		WebDriver teacher = Browser.signInAsStaff(url(""), TEACHER, STAFF_PASSWORD);
		teacher.get(url("/school/junior/corrections"));
		assertThat(text(teacher, "reports")).contains("浏***").doesNotContain("浏览小升");
		click(teacher, By.id("open-" + g.educationId()));
		assertThat(text(teacher, "report-text")).isEqualTo("班级应为六(2)班");
		Browser.type(teacher, "className", "六(2)班");
		click(teacher, By.id("save-correction"));
		assertThat(text(teacher, "notice")).contains("已更正");
		assertThat(text(teacher, "report-state")).isEqualTo("已更正");
		assertThat(text(teacher, "data-className")).isEqualTo("六(2)班");
		Browser.screenshot("junior-corrected");

		// the family is told to check again and confirms the corrected data
		family = signInAsFamily(g);
		family.get(url("/junior"));
		assertThat(text(family, "state")).isEqualTo("待确认");
		assertThat(text(family, "do-now-text")).contains("学校已更正");
		assertThat(text(family, "data-className")).isEqualTo("六(2)班");
		click(family, By.id("confirm"));
		assertThat(text(family, "state")).isEqualTo("已确认");
		Browser.screenshot("junior-confirmed-again");

		click(family, By.id("path-link"));
		assertThat(text(family, "path")).contains("从电子学籍系统导入", "家长确认学生信息无误", "家长反映学生信息有误", "学校更正学生信息");
		assertThat(Browser.contentSecurityPolicyViolations()).isEmpty();
	}

	private WebDriver signInAsFamily(JuniorFixtures.Graduate g) {
		return Browser.signInAsFamily(url(""), g.educationId(), g.student().name(), PASSWORD);
	}

	private static String text(WebDriver browser, String id) {
		return browser.findElement(By.id(id)).getText().strip();
	}

	private static void click(WebDriver browser, By target) {
		Browser.clickAndWait(browser, target);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
