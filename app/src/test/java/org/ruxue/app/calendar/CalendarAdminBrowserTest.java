package org.ruxue.app.calendar;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.ruxue.app.Browser;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.identity.NewAccount;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.StaffAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Saving a calendar changes what is open at once, so the page asks before it saves. */
@IntegrationTest
class CalendarAdminBrowserTest {

	private static final String PASSWORD = "browser admin password";

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	EnrollmentCalendar calendar;

	private WebDriver browser;

	@BeforeEach
	void signIn() {
		if (!accounts.exists("browser-admin")) {
			accounts.create(new NewAccount("browser-admin", "市教委管理员", Role.CITY_ADMIN, null, null), PASSWORD, false,
					Actor.SYSTEM);
		}
		Calendars.sourceYear2017(calendar);
		browser = Browser.get();
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys("browser-admin");
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		Browser.clickAndWait(browser, By.cssSelector("form button[type=submit]"));
	}

	@Test
	void cancellingTheConfirmationSavesNothing() {
		browser.get("http://localhost:" + port + "/admin/calendar/2017");
		setDate(browser.findElement(By.id("closes-PRIMARY_COLLECTION")), "2017-06-09");

		save();
		var dialog = browser.switchTo().alert();
		assertThat(dialog.getText()).contains("确认保存 2017 年度的日历吗");
		dialog.dismiss();

		assertThat(calendar.window(2017, PhaseKind.PRIMARY_COLLECTION).orElseThrow().closesOn())
			.hasToString("2017-05-31");
	}

	@Test
	void confirmingSavesAndSaysSo() {
		browser.get("http://localhost:" + port + "/admin/calendar/2017");
		setDate(browser.findElement(By.id("closes-PRIMARY_COLLECTION")), "2017-06-09");

		save();
		browser.switchTo().alert().accept();

		assertThat(browser.findElement(By.cssSelector("[role=status].alert-success")).getText())
			.contains("2017 年度的入学日历已保存");
		assertThat(calendar.window(2017, PhaseKind.PRIMARY_COLLECTION).orElseThrow().closesOn())
			.hasToString("2017-06-09");
		Browser.screenshot("admin-calendar-saved");
	}

	private void save() {
		WebElement button = browser.findElement(By.cssSelector("main form button[type=submit]"));
		((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
		button.click();
	}

	/**
	 * Date inputs take typed digits in the locale's order; setting the value is what a
	 * date picker does.
	 */
	private void setDate(WebElement input, String isoDate) {
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input,
				isoDate);
	}

}
