package org.ruxue.app.zoning.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ruxue.app.Browser;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.NewAccount;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.StaffAccounts;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.SchoolLevel;
import org.ruxue.app.zoning.Schools;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5: a Chaoyang officer imports an address file with bad rows, sees each row's
 * error in the preview, nothing is written; the corrected file is written on confirmation
 * and the open lookup (R-Z3) finds the new address.
 */
@IntegrationTest
class ZoningImportBrowserTest {

	private static final String PASSWORD = "zoning import officer";

	@LocalServerPort
	int port;

	@Autowired
	EnrollmentCalendar calendar;

	@Autowired
	StaffAccounts staff;

	@Autowired
	Schools schools;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path files;

	@BeforeEach
	void aChaoyangOfficerAndASchool() {
		Calendars.sourceYear2017(calendar);
		if (!staff.exists("zb-chaoyang")) {
			staff.create(new NewAccount("zb-chaoyang", "朝阳区教委", Role.DISTRICT_OFFICER, "110105", null), PASSWORD, false,
					Actor.SYSTEM);
		}
		schools.save(new School("110105-B001", "北京市朝阳区浏览导入小学", "110105", SchoolLevel.PRIMARY, true, "北京市朝阳区", 90),
				Actor.SYSTEM);
	}

	@Test
	void badRowsAreShownAndNothingIsWrittenThenTheCorrectedFileIsImportedAndLookedUp() throws IOException {
		WebDriver browser = Browser.get();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys("zb-chaoyang");
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		Browser.clickAndWait(browser, By.cssSelector("form button[type=submit]"));

		upload(browser, "bad.csv", ZoningAdminImportTest.ADDRESS_HEADER,
				"110105,2017,小学,浏览导入片,110105-B001,,浏览导入嘉园,,浏览导入路6号院,否", "110105,2017,小学,浏览导入片,110105-B999,,浏览导入雅苑,,,否",
				"110105,2017,高中,浏览导入片,110105-B001,,浏览导入锦苑,,,否");

		String errors = browser.findElement(By.id("row-errors")).getText();
		assertThat(errors).contains("3", "对口学校代码", "没有代码为 110105-B999 的学校", "4", "学段", "学段“高中”无法识别");
		assertThat(browser.findElement(By.id("summary")).getText()).contains("新增 1 行", "有错误 2 行");
		assertThat(browser.findElements(By.id("confirm-import"))).as("no writing while a row is wrong").isEmpty();
		Browser.screenshot("zoning-import-errors");
		assertThat(addresses("浏览导入嘉园")).isZero();
		Browser.clickAndWait(browser, By.id("cancel-import"));
		assertThat(browser.findElement(By.id("notice")).getText()).contains("未写入任何数据");

		upload(browser, "good.csv", ZoningAdminImportTest.ADDRESS_HEADER,
				"110105,2017,小学,浏览导入片,110105-B001,,浏览导入嘉园,,浏览导入路6号院,否", "110105,2017,小学,浏览导入片,110105-B001,,浏览导入雅苑,,,否",
				"110105,2017,小学,浏览导入片,110105-B001,,浏览导入锦苑,,,否");
		assertThat(browser.findElement(By.id("summary")).getText()).contains("新增 3 行", "有错误 0 行");
		Browser.clickAndWait(browser, By.id("confirm-import"));
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("written")));
		assertThat(addresses("浏览导入嘉园")).isEqualTo(1);

		browser.get(url(
				"/zones?q=%E6%9C%9D%E9%98%B3%E5%8C%BA%E6%B5%8F%E8%A7%88%E5%AF%BC%E5%85%A5%E8%B7%AF6%E5%8F%B7%E9%99%A2"));
		assertThat(browser.findElement(By.cssSelector("#candidates .candidate")).getText()).contains("浏览导入嘉园",
				"北京市朝阳区浏览导入小学");
	}

	private void upload(WebDriver browser, String name, String... lines) throws IOException {
		Path file = files.resolve(name);
		Files.writeString(file, String.join("\n", lines) + "\n");
		browser.get(url("/district/zoning/import"));
		browser.findElement(By.id("file-addresses")).sendKeys(file.toAbsolutePath().toString());
		Browser.clickAndWait(browser, By.id("upload-button-addresses"));
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary")));
	}

	private long addresses(String text) {
		return jdbc.sql("select count(*) from zone_address where standard_text = ?")
			.param(text)
			.query(Long.class)
			.single();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
