package org.ruxue.app.junior;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import org.ruxue.app.Browser;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.identity.NewAccount;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.StaffAccounts;
import org.ruxue.app.registry.PathStep;
import org.ruxue.app.registry.Students;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's transfer journeys in a real browser (R-J4): the graduating school starts an
 * application, prints the form, records the signatures and submits; the school, the
 * district moved out of and the district moved into approve in turn and the student moves
 * — or one of the three rejects with a reason and the chain ends there.
 */
@IntegrationTest
class TransferBrowserTest {

	private static final String PASSWORD = "transfer browser staff";

	private static final String TEACHER = "jtb-teacher-dc";

	private static final String DONGCHENG_OFFICER = "jtb-officer-dc";

	private static final String XICHENG_OFFICER = "jtb-officer-xc";

	@LocalServerPort
	int port;

	@Autowired
	TransferFixtures fixtures;

	@Autowired
	StaffAccounts staff;

	@Autowired
	Students students;

	@BeforeEach
	void world() {
		fixtures.world();
		account(TEACHER, "转区测试老师", Role.SCHOOL_STAFF, TransferFixtures.DONGCHENG, TransferFixtures.SCHOOL);
		account(DONGCHENG_OFFICER, "东城区教委", Role.DISTRICT_OFFICER, TransferFixtures.DONGCHENG, null);
		account(XICHENG_OFFICER, "西城区教委", Role.DISTRICT_OFFICER, TransferFixtures.XICHENG, null);
	}

	@AfterEach
	void noPolicyViolations() {
		assertThat(Browser.contentSecurityPolicyViolations()).isEmpty();
	}

	@Test
	void rJ4_approvedEndToEnd_theStudentMovesAndBothDistrictsSeeIt() {
		TransferFixtures.Graduate g = fixtures.graduate("浏览转区");
		WebDriver browser = signIn(TEACHER);
		String number = startPrintSignSubmit(browser, g);
		Browser.screenshot("junior-transfer-submitted");

		click(browser, By.id("approve"));
		assertThat(text(browser, "status")).isEqualTo("学校已同意，待转出区审核");

		browser = signIn(DONGCHENG_OFFICER);
		browser.get(url("/district/junior/transfers"));
		assertThat(text(browser, "outgoing-" + number)).contains("转出待审", number, "浏览转区");
		click(browser, By.linkText(number));
		assertThat(text(browser, "awaiting")).contains("转出区");
		click(browser, By.id("approve"));
		assertThat(text(browser, "status")).isEqualTo("转出区已同意，待转入区审核");

		browser = signIn(XICHENG_OFFICER);
		browser.get(url("/district/junior/transfers"));
		assertThat(text(browser, "incoming-" + number)).contains("转入待审", number);
		Browser.screenshot("junior-transfer-incoming");
		click(browser, By.linkText(number));
		click(browser, By.id("approve"));
		assertThat(text(browser, "status")).isEqualTo("已同意，已转入");
		assertThat(text(browser, "decisions")).contains("毕业学校", "转出区", "转入区");

		assertThat(students.byEducationId(g.educationId()).orElseThrow().districtCode())
			.isEqualTo(TransferFixtures.XICHENG);
		browser = signIn(DONGCHENG_OFFICER);
		browser.get(url("/district/junior/transfers"));
		assertThat(text(browser, "finished-" + number)).as("the district moved out of keeps seeing it")
			.contains("已办结", number);
		assertThat(students.path(g.educationId())).extracting(PathStep::step)
			.contains("junior.transfer.approved-in", "registry.moved-district");
	}

	@Test
	void rJ4_rejectedByTheSchool_aReasonIsRequiredAndTheChainEnds() {
		TransferFixtures.Graduate g = fixtures.graduate("校拒转区");
		WebDriver browser = signIn(TEACHER);
		startPrintSignSubmit(browser, g);

		click(browser, By.id("reject"));
		assertThat(text(browser, "reason-problem")).contains("请填写理由");
		assertThat(text(browser, "status")).isEqualTo("已提交，待毕业学校审核");
		rejectWith(browser, "家长放弃申请");

		assertEnded(browser, g, "毕业学校", "家长放弃申请");
	}

	@Test
	void rJ4_rejectedByTheDistrictMovedOutOf() {
		TransferFixtures.Graduate g = fixtures.graduate("出拒转区");
		WebDriver browser = signIn(TEACHER);
		String number = startPrintSignSubmit(browser, g);
		click(browser, By.id("approve"));

		browser = signIn(DONGCHENG_OFFICER);
		browser.get(url("/district/junior/transfers"));
		click(browser, By.linkText(number));
		rejectWith(browser, "材料与实际不符");

		assertEnded(browser, g, "转出区", "材料与实际不符");
		browser.get(url("/district/junior/transfers"));
		assertThat(text(browser, "finished-" + number)).contains("已办结", number);
	}

	@Test
	void rJ4_rejectedByTheDistrictMovedInto() {
		TransferFixtures.Graduate g = fixtures.graduate("入拒转区");
		WebDriver browser = signIn(TEACHER);
		String number = startPrintSignSubmit(browser, g);
		click(browser, By.id("approve"));
		browser = signIn(DONGCHENG_OFFICER);
		browser.get(url("/district/junior/transfers"));
		click(browser, By.linkText(number));
		click(browser, By.id("approve"));

		browser = signIn(XICHENG_OFFICER);
		browser.get(url("/district/junior/transfers"));
		click(browser, By.linkText(number));
		rejectWith(browser, "户籍地址不在本区");

		assertEnded(browser, g, "转入区", "户籍地址不在本区");
	}

	/** Start, print, record both signatures, submit: returns the application's number. */
	private String startPrintSignSubmit(WebDriver browser, TransferFixtures.Graduate g) {
		browser.get(url("/school/junior/transfers"));
		Browser.type(browser, "educationId", g.educationId());
		new Select(browser.findElement(By.id("kind"))).selectByValue("HUKOU");
		new Select(browser.findElement(By.id("toDistrict"))).selectByValue(TransferFixtures.XICHENG);
		Browser.type(browser, "address", "北京市西城区浏览测试胡同8号");
		click(browser, By.id("start"));
		assertThat(text(browser, "status")).isEqualTo("草稿（未提交）");
		String number = text(browser, "number");

		click(browser, By.id("mark-signed"));
		assertThat(text(browser, "form-problem")).as("signed on a printed form only").contains("请先打印申请表");
		String pdf = browser.findElement(By.id("print")).getAttribute("href");
		Object printed = ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')));
				""", pdf);
		assertThat(printed).isEqualTo("200 application/pdf");

		browser.findElement(By.id("familySigned")).click();
		click(browser, By.id("mark-signed"));
		assertThat(text(browser, "signatures-problem")).contains("家长和学校都已");
		assertThat(browser.findElement(By.id("familySigned")).isSelected()).as("what was ticked is kept").isTrue();
		browser.findElement(By.id("schoolSigned")).click();
		click(browser, By.id("mark-signed"));
		assertThat(text(browser, "signed")).isEqualTo("家长和学校已签字");
		click(browser, By.id("submit-transfer"));
		assertThat(text(browser, "status")).isEqualTo("已提交，待毕业学校审核");
		return number;
	}

	private void rejectWith(WebDriver browser, String reason) {
		Browser.type(browser, "reason", reason);
		click(browser, By.id("reject"));
	}

	private void assertEnded(WebDriver browser, TransferFixtures.Graduate g, String stage, String reason) {
		assertThat(text(browser, "status")).isEqualTo("未同意");
		assertThat(text(browser, "rejection")).contains(stage, reason);
		assertThat(browser.findElements(By.id("approve"))).isEmpty();
		assertThat(students.byEducationId(g.educationId()).orElseThrow().districtCode())
			.isEqualTo(TransferFixtures.DONGCHENG);
	}

	private void account(String username, String name, Role role, String district, String school) {
		if (!staff.exists(username)) {
			staff.create(new NewAccount(username, name, role, district, school), PASSWORD, false, Actor.SYSTEM);
		}
	}

	private WebDriver signIn(String username) {
		return Browser.signInAsStaff(url(""), username, PASSWORD);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static String text(WebDriver browser, String id) {
		return browser.findElement(By.id(id)).getText().strip();
	}

	private static void click(WebDriver browser, By target) {
		Browser.clickAndWait(browser, target);
	}

}
