package org.ruxue.app.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
import org.ruxue.app.identity.NewAccount;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.StaffAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city's import of graduates in the browser (R-J1): upload an export with a bad row,
 * the preview with the row report, confirm, the progress polled until the result; then a
 * district officer finds the imported student in the district's list and opens it.
 */
@IntegrationTest
class GraduateImportBrowserTest {

	private static final String PASSWORD = "browser import password";

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path files;

	@BeforeEach
	void accounts() {
		Graduates.schools(jdbc);
		if (!staff.exists("reg-browser-city")) {
			staff.create(new NewAccount("reg-browser-city", "市教委", Role.CITY_ADMIN, null, null), PASSWORD, false,
					Actor.SYSTEM);
			staff.create(new NewAccount("reg-browser-dc", "东城区教委", Role.DISTRICT_OFFICER, "110101", null), PASSWORD,
					false, Actor.SYSTEM);
		}
	}

	@Test
	void rJ1_theCityUploadsPreviewsConfirmsAndSeesTheResult() throws IOException {
		List<String> good = Graduates.inDongcheng("浏览导入");
		List<String> bad = Graduates.with(Graduates.inDongcheng("浏览错误"), 10, "12345");
		Path export = files.resolve("graduates.csv");
		Files.write(export, Graduates.csv(good, bad));
		WebDriver browser = Browser.signInAsStaff(url(""), "reg-browser-city", PASSWORD);
		Browser.contentSecurityPolicyViolations();

		browser.get(url("/admin/registry"));
		browser.findElement(By.id("file")).sendKeys(export.toAbsolutePath().toString());
		Browser.clickAndWait(browser, By.id("upload-button"));
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary")));

		assertThat(browser.findElement(By.id("summary")).getText()).contains("新增 1 名", "有问题 1 行");
		assertThat(browser.findElement(By.id("row-errors")).getText()).contains("3", "监护人手机", "11 位");
		assertThat(browser.findElement(By.id("rows-add")).getText()).contains("浏览导入", good.get(0))
			.doesNotContain(good.get(2));
		Browser.screenshot("registry-import-preview");

		Browser.clickAndWait(browser, By.id("confirm-import"));
		assertThat(browser.findElement(By.id("progress")).getText()).isNotBlank();
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("written")));

		assertThat(browser.findElement(By.id("written")).getText()).contains("已写入 1 名学生", "家长账户 1 个");
		assertThat(browser.findElement(By.id("row-errors")).getText()).as("the report stays with the result")
			.contains("监护人手机");
		assertThat(Browser.contentSecurityPolicyViolations()).isEmpty();

		browser.manage().deleteAllCookies();
		Browser.signInAsStaff(url(""), "reg-browser-dc", PASSWORD);
		browser.get(url("/district/students?q=" + good.get(0)));
		assertThat(browser.findElement(By.id("students")).getText()).contains("浏览导入").doesNotContain(good.get(2));
		Browser.screenshot("registry-district-students");
		Browser.clickAndWait(browser, By.linkText(good.get(0)));
		assertThat(browser.findElement(By.id("path")).getText()).contains("从电子学籍系统导入");
		assertThat(Browser.contentSecurityPolicyViolations()).isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
