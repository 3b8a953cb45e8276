package org.ruxue.app.identity;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ruxue.app.Browser;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.population.RegisterEntries;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The journeys of families and staff through their accounts, in a real browser. */
@IntegrationTest
class IdentityBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisterEntries register;

	@Autowired
	StaffAccounts staff;

	@Autowired
	SentCodes phone;

	@Autowired
	FamilyAccounts families;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFamilyActivatesSignsInAndLaterResetsItsPassword() {
		IdCardNumber child = register.newChildInDongcheng("浏览器");
		String mobile = Mobiles.fresh();
		WebDriver browser = Browser.get();

		browser.get(url("/login"));
		submit(browser, By.linkText("首次使用：激活家长账户"));
		type(browser, "identifier", child.value());
		type(browser, "childName", "浏览器");
		type(browser, "mobile", mobile);
		submit(browser, By.cssSelector("form button[type=submit]"));
		assertThat(browser.getPageSource()).contains(new MobileNumber(mobile).masked());
		type(browser, "code", phone.lastCodeTo(mobile));
		type(browser, "password", "browser family phrase");
		type(browser, "confirmation", "browser family phrase");
		submit(browser, By.cssSelector("form button[type=submit]"));
		assertThat(browser.getPageSource()).contains("账户已激活");

		signInAsFamily(browser, child.value(), "浏览器", "browser family phrase");
		assertThat(browser.getCurrentUrl()).endsWith("/account");
		assertThat(browser.findElement(By.id("registered-mobile")).getText())
			.isEqualTo(new MobileNumber(mobile).masked());
		Browser.screenshot("identity-family-account");

		Browser.get().get(url("/family/reset"));
		jdbc.sql("update sms_code set sent_at = sent_at - interval '61 seconds' where mobile = ?")
			.param(mobile)
			.update();
		type(browser, "identifier", child.value());
		type(browser, "childName", "浏览器");
		submit(browser, By.cssSelector("form button[type=submit]"));
		type(browser, "code", phone.lastCodeTo(mobile));
		type(browser, "password", "browser family second phrase");
		type(browser, "confirmation", "browser family second phrase");
		submit(browser, By.cssSelector("form button[type=submit]"));
		assertThat(browser.getPageSource()).contains("密码已重置");
		signInAsFamily(browser, child.value(), "浏览器", "browser family second phrase");
		assertThat(browser.getCurrentUrl()).endsWith("/account");
	}

	@Test
	void theCityCreatesAnOfficerWhoSetsAPasswordAtFirstSignIn() {
		staff.create(new NewAccount("br-city", "市教委", Role.CITY_ADMIN, null, null), "browser city password", false,
				Actor.SYSTEM);
		WebDriver browser = signInAsStaff("br-city", "browser city password");

		browser.get(url("/staff/accounts"));
		type(browser, "username", "br-officer");
		type(browser, "displayName", "朝阳区教委");
		type(browser, "initialPassword", "read out over the phone");
		submit(browser, By.cssSelector("main form button[type=submit]"));
		assertThat(browser.getPageSource()).contains("账户 br-officer 已创建");
		Browser.screenshot("identity-staff-accounts");

		browser = signInAsStaff("br-officer", "read out over the phone");
		assertThat(browser.getCurrentUrl()).contains("/login/new-password");
		type(browser, "password", "chaoyang officer passphrase");
		type(browser, "confirmation", "chaoyang officer passphrase");
		submit(browser, By.cssSelector("main form button[type=submit]"));
		browser.get(url("/account"));
		assertThat(browser.getPageSource()).contains("区教委工作人员");
	}

	@Test
	void aDistrictResetAsksFirstAndCancellingResetsNothing() {
		IdCardNumber child = register.newChildInDongcheng("重置否");
		String mobile = Mobiles.fresh();
		AccountId id = families.provision(child, "重置否", null, new MobileNumber(mobile));
		families.activateWithoutCode(id, new MobileNumber(mobile), "family before the reset");
		staff.create(new NewAccount("br-dongcheng", "东城区教委", Role.DISTRICT_OFFICER, "110101", null),
				"browser officer password", false, Actor.SYSTEM);
		WebDriver browser = signInAsStaff("br-dongcheng", "browser officer password");

		browser.get(url("/staff/families"));
		type(browser, "q", child.value());
		submit(browser, By.cssSelector("main form button[type=submit]"));
		browser.findElement(By.cssSelector("form[action$='password-reset'] button")).click();
		var dialog = browser.switchTo().alert();
		assertThat(dialog.getText()).contains("重置此账户的密码");
		dialog.dismiss();
		assertThat(browser.findElements(By.id("temporary-password"))).isEmpty();

		var page = browser.findElement(By.tagName("html"));
		browser.findElement(By.cssSelector("form[action$='password-reset'] button")).click();
		browser.switchTo().alert().accept();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
		assertThat(browser.findElement(By.id("temporary-password")).getText()).hasSize(16);
	}

	@Test
	void aFamilyChangesItsMobileWithACodeToTheOldNumber() {
		IdCardNumber child = register.newChildInDongcheng("换号");
		String old = Mobiles.fresh();
		String next = Mobiles.fresh();
		AccountId id = families.provision(child, "换号", null, new MobileNumber(old));
		families.activateWithoutCode(id, new MobileNumber(old), "family changing numbers");
		WebDriver browser = Browser.get();
		signInAsFamily(browser, child.value(), "换号", "family changing numbers");

		submit(browser, By.linkText("更换登记手机"));
		type(browser, "mobile", next);
		submit(browser, By.cssSelector("main form button[type=submit]"));
		type(browser, "code", phone.lastCodeTo(old));
		submit(browser, By.cssSelector("main form button[type=submit]"));
		type(browser, "code", phone.lastCodeTo(next));
		var page = browser.findElement(By.tagName("html"));
		browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		var dialog = browser.switchTo().alert();
		assertThat(dialog.getText()).contains("确认将登记手机更换为新号码吗");
		dialog.accept();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));

		assertThat(browser.findElement(By.id("registered-mobile")).getText())
			.isEqualTo(new MobileNumber(next).masked());
		assertThat(browser.getPageSource()).contains("原手机号已收到通知");
	}

	private WebDriver signInAsStaff(String username, String password) {
		WebDriver browser = Browser.get();
		browser.get(url("/login"));
		type(browser, "username", username);
		type(browser, "password", password);
		submit(browser, By.cssSelector("form button[type=submit]"));
		return browser;
	}

	private void signInAsFamily(WebDriver browser, String identifier, String name, String password) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		type(browser, "identifier", identifier);
		type(browser, "childName", name);
		type(browser, "family-password", password);
		submit(browser, By.id("family-submit"));
	}

	/** Clicks and waits for the next page, so that nothing is read from the last one. */
	private static void submit(WebDriver browser, By button) {
		org.ruxue.app.Browser.clickAndWait(browser, button);
	}

	private static void type(WebDriver browser, String id, String text) {
		var field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
