package org.ruxue.app.permits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.ruxue.app.Browser;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.identity.ActivatedFamilies;
import org.ruxue.app.identity.NewAccount;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.StaffAccounts;
import org.ruxue.app.population.IdCardNumber;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's journey in a real browser: a non-local family applies in Dongcheng and
 * uploads its scans → the district asks for more material → the family adds it and
 * submits again → the district approves, which the family learns only from the
 * publication day → the permit unlocks the child's primary registration (R-P7, R-P15).
 */
@IntegrationTest
class PermitBrowserTest {

	private static final String PASSWORD = "permit browser family";

	private static final String STAFF_PASSWORD = "permit browser staff";

	@LocalServerPort
	int port;

	@Autowired
	PermitFixtures fixtures;

	@Autowired
	ActivatedFamilies activated;

	@Autowired
	StaffAccounts staff;

	@Autowired
	StudyPermits permits;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void world() {
		fixtures.world();
		if (!staff.exists("pmb-dongcheng")) {
			staff.create(
					new NewAccount("pmb-dongcheng", "东城区教委", Role.DISTRICT_OFFICER, PermitFixtures.DONGCHENG, null),
					STAFF_PASSWORD, false, Actor.SYSTEM);
		}
	}

	@Test
	void rP15_submitThenMoreMaterialThenApprovedThenPermitThenPrimaryRegistrationUnlocked_rP7() throws IOException {
		PermitFixtures.Family family = fixtures.family("浏览五证");
		activated.activate(family.signedIn().id(), family.mobile(), PASSWORD);
		Path scan = Files.write(Files.createTempFile("permit-scan", ".pdf"), PermitFixtures.pdf());

		// the family applies in Dongcheng and sends every document
		WebDriver browser = signInAsFamily(family);
		browser.get(url("/permits"));
		assertThat(text(browser, "rules")).contains("只能在一个区申请", "公布日");
		click(browser, By.linkText("东城区"));
		assertThat(text(browser, "documents")).contains("在京务工就业证明", "户籍所在地无监护条件证明");
		type(browser, "childIdNumber", family.child().value());
		click(browser, By.id("start"));
		assertThat(text(browser, "status")).isEqualTo("填写中，尚未提交");
		String applicationUrl = browser.getCurrentUrl();
		fillDetails(browser);
		click(browser, By.id("save"));
		assertThat(browser.getPageSource()).contains("已保存");
		int documents = browser.findElements(By.cssSelector("form[id^=upload-]")).size();
		assertThat(documents).isEqualTo(5);
		for (int d = 1; d <= documents; d++) {
			upload(browser, d, scan);
		}
		Browser.screenshot("permits-application");
		click(browser, By.id("submit-application"));
		assertThat(text(browser, "status")).isEqualTo("已提交，审核中");
		assertThat(text(browser, "publication")).contains("2017-05-16");
		String number = text(browser, "number");

		// the district finds the first document insufficient and asks for more
		WebDriver officer = signInAsStaff("pmb-dongcheng");
		officer.get(url("/district/permits?status=SUBMITTED&filter=" + number));
		assertThat(text(officer, "queue")).contains(number, PermitApplication.maskName(family.childName()))
			.doesNotContain(family.childName());
		click(officer, By.linkText(number));
		new Select(officer.findElement(By.id("result-1"))).selectByValue("INSUFFICIENT");
		type(officer, "note-1", "合同已过期");
		click(officer, By.id("check-button-1"));
		assertThat(text(officer, "check-1")).isEqualTo("不足");
		type(officer, "note", "请补充有效期内的劳动合同");
		setValue(officer, "dueOn", "2017-05-14");
		click(officer, By.id("request-more"));
		assertThat(text(officer, "status")).isEqualTo("需补充材料");

		// the family is told what and by when, adds the material and submits again
		browser = signInAsFamily(family);
		browser.get(applicationUrl);
		assertThat(text(browser, "more")).contains("请补充有效期内的劳动合同", "2017-05-14");
		upload(browser, 1, scan);
		click(browser, By.id("submit-application"));
		assertThat(text(browser, "status")).isEqualTo("已提交，审核中");

		// the district accepts every document and approves; the family is told later
		officer = signInAsStaff("pmb-dongcheng");
		officer.get(url("/district/permits?status=SUBMITTED&filter=" + number));
		click(officer, By.linkText(number));
		for (int d = 1; d <= documents; d++) {
			new Select(officer.findElement(By.id("result-" + d))).selectByValue("ACCEPTED");
			click(officer, By.id("check-button-" + d));
		}
		click(officer, By.id("approve"));
		assertThat(text(officer, "withheld")).contains("审核通过", "2017-05-16");
		Browser.screenshot("permits-review");

		browser = signInAsFamily(family);
		browser.get(applicationUrl);
		assertThat(text(browser, "status")).as("R-P15: not before the publication day").isEqualTo("已提交，审核中");
		assertThat(browser.findElements(By.id("approved"))).isEmpty();
		assertThat(permits.valid(family.child(), PermitFixtures.DONGCHENG, 2017)).isEmpty();

		// the district publishes from today: the decision is released, the permit issued
		officer = signInAsStaff("pmb-dongcheng");
		officer.get(url("/district/permits/settings"));
		setValue(officer, "publishesOn", "2017-05-10");
		click(officer, By.id("save-publication"));
		assertThat(officer.getPageSource()).contains("设置已保存");

		browser = signInAsFamily(family);
		browser.get(applicationUrl);
		assertThat(text(browser, "status")).isEqualTo("审核通过");
		String permit = browser.findElement(By.id("permit-number")).getAttribute("textContent").strip();
		assertThat(permit).matches("2017-110101-[A-Z0-9]{6}");
		Browser.screenshot("permits-approved");

		// the permit unlocks the primary registration of the non-local child
		click(browser, By.id("register"));
		fillPrimaryForm(browser, family);
		click(browser, By.id("submit"));
		assertThat(text(browser, "status")).isEqualTo("已提交，待区审核");
		assertThat(browser.getPageSource()).contains(permit);
	}

	@Test
	void uploadAbuseInTheBrowser_aPageNamedPdfIsRefusedWithAMessageAndNothingIsStored() throws IOException {
		PermitFixtures.Family family = fixtures.family("浏览滥用");
		activated.activate(family.signedIn().id(), family.mobile(), PASSWORD);
		Path fake = Files.writeString(Files.createTempFile("contract", ".pdf"),
				"<html><script>alert(1)</script></html>");
		WebDriver browser = signInAsFamily(family);
		browser.get(url("/permits/" + PermitFixtures.DONGCHENG + "/apply"));
		type(browser, "childIdNumber", family.child().value());
		click(browser, By.id("start"));

		upload(browser, 1, fake);

		assertThat(text(browser, "scan1-problem")).contains("不是 PDF、JPEG 或 PNG");
		assertThat(jdbc
			.sql("select count(*) from permit_scan s join permit_application a on a.id = s.application_id "
					+ "where a.family_account = ?")
			.param(family.signedIn().id().value())
			.query(Long.class)
			.single()).isZero();
	}

	private void fillDetails(WebDriver browser) {
		for (WebElement input : browser.findElements(By.cssSelector("#details-form input[name^=d]"))) {
			if ("date".equals(input.getAttribute("type"))) {
				((JavascriptExecutor) browser).executeScript("arguments[0].value = '2016-03-01'", input);
			}
			else {
				input.clear();
				input.sendKeys("测试内容");
			}
		}
	}

	private void fillPrimaryForm(WebDriver browser, PermitFixtures.Family family) {
		IdCardNumber father = fixtures.register.newAdultInDongcheng(family.childName() + "父");
		type(browser, "childName", family.childName());
		type(browser, "childIdNumber", family.child().value());
		new Select(browser.findElement(By.id("hukouType"))).selectByValue("NON_LOCAL");
		type(browser, "hukouAddress", "河北省石家庄市长安区某路1号");
		type(browser, "address", PermitFixtures.ADDRESS + "1号楼1单元101");
		new Select(browser.findElement(By.id("homeTenure"))).selectByValue("RENTED");
		type(browser, "guardian1Name", family.childName() + "父");
		new Select(browser.findElement(By.id("guardian1Relation"))).selectByValue("FATHER");
		type(browser, "guardian1IdNumber", father.value());
		type(browser, "guardian1Mobile", family.mobile());
	}

	private static void upload(WebDriver browser, int document, Path file) {
		browser.findElement(By.id("file-" + document)).sendKeys(file.toAbsolutePath().toString());
		click(browser, By.id("upload-button-" + document));
	}

	private WebDriver signInAsFamily(PermitFixtures.Family family) {
		return Browser.signInAsFamily(url(""), family.child().value(), family.childName(), PASSWORD);
	}

	private WebDriver signInAsStaff(String username) {
		return Browser.signInAsStaff(url(""), username, STAFF_PASSWORD);
	}

	private static void setValue(WebDriver browser, String id, String value) {
		((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id,
				value);
	}

	private static String text(WebDriver browser, String id) {
		return browser.findElement(By.id(id)).getText().strip();
	}

	private static void type(WebDriver browser, String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private static void click(WebDriver browser, By target) {
		Browser.clickAndWait(browser, target);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
