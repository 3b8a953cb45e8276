package org.ruxue.app.primary;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.ruxue.app.Axe;
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
 * Issue 12: a district officer reviews registrations (R-P6) with the review page's
 * keyboard shortcuts only (static/js/shortcuts.js): "?" lists them in a dialog that
 * Escape closes, "r" with no reason typed moves to the reason instead of sending, a
 * letter typed in the reason stays a letter, "a" asks and approves only when the question
 * is accepted, "n" opens the next registration awaiting review, "p" goes back to the
 * queue. No mouse click, no script sets a value.
 */
@IntegrationTest
class ReviewShortcutsBrowserTest {

	private static final String PASSWORD = "review shortcuts staff";

	@LocalServerPort
	int port;

	@Autowired
	PrimaryFixtures fixtures;

	@Autowired
	PrimaryRegistrations registrations;

	@Autowired
	IdentityChecks checks;

	@Autowired
	StaffAccounts staff;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void world() {
		fixtures.world();
		if (!staff.exists("rs-dongcheng")) {
			staff.create(new NewAccount("rs-dongcheng", "rs-dongcheng", Role.DISTRICT_OFFICER,
					PrimaryFixtures.DONGCHENG, null), PASSWORD, false, Actor.SYSTEM);
		}
	}

	@Test
	void rP6_anOfficerApprovesAndMovesOnWithTheKeyboardShortcutsOnly() {
		Registration first = submitted("快捷审核甲");
		Registration second = submitted("快捷审核乙");
		while (checks.checkDue(Instant.now().plusSeconds(3600 * 24 * 365 * 20L)) > 0) {
			// until nothing is due: the approval needs a verified identity
		}
		WebDriver officer = Browser.signInAsStaff(url(""), "rs-dongcheng", PASSWORD);
		officer.get(url("/district/primary/" + first.id()));
		assertThat(officer.findElement(By.id("approve")).getText()).as("the key's hint in the button").endsWith("A");
		assertThat(officer.findElement(By.id("approve")).getDomAttribute("aria-keyshortcuts")).isEqualTo("A");

		// "?" lists the page's shortcuts in a dialog; Escape closes it
		press(officer, "?");
		assertThat(open(officer)).as("the list of shortcuts is open").isTrue();
		String list = officer.findElement(By.cssSelector("#shortcut-help .shortcut-list")).getText();
		assertThat(list).contains("A", "通过", "R", "退回修改", "X", "不通过", "N", "下一条待审", "P", "返回列表");
		assertThat(Axe.seriousViolations(officer)).as("the page with its list of shortcuts open").isEmpty();
		press(officer, Keys.ESCAPE);
		assertThat(open(officer)).as("Escape closed the list").isFalse();

		// "r" without a reason sends nothing: the focus goes to the reason, where letters
		// are text
		press(officer, "r");
		assertThat(officer.switchTo().activeElement().getDomAttribute("id")).isEqualTo("reason");
		press(officer, "ax");
		assertThat(officer.findElement(By.id("reason")).getDomProperty("value")).isEqualTo("ax");
		assertThat(alert(officer)).as("a letter typed in the reason is no shortcut").isNull();
		assertThat(status(first)).isEqualTo("SUBMITTED");

		// Tab leaves the reason for a button; "a" asks first, and a No decides nothing
		press(officer, Keys.TAB);
		press(officer, "a");
		Alert question = alert(officer);
		assertThat(question).as("the approval asks first").isNotNull();
		assertThat(question.getText()).isEqualTo("确定通过吗？");
		question.dismiss();
		assertThat(status(first)).isEqualTo("SUBMITTED");

		// "a" again, the question accepted: approved in the database
		markOldPage(officer);
		press(officer, "a");
		alert(officer).accept();
		waitForNewPage(officer);
		assertThat(officer.findElement(By.id("status")).getText()).isEqualTo("区审核通过");
		assertThat(status(first)).isEqualTo("APPROVED");

		// "n" opens the next registration awaiting review, "p" the queue
		markOldPage(officer);
		press(officer, "n");
		waitForNewPage(officer);
		String next = officer.getCurrentUrl().replaceAll("^.*/district/primary/", "");
		assertThat(next).isNotEqualTo(first.id().toString());
		assertThat(status(registrations.byId(new RegistrationId(java.util.UUID.fromString(next))).orElseThrow()))
			.isEqualTo("SUBMITTED");
		assertThat(registrations.nextToReview(first, PrimaryFixtures.officer(PrimaryFixtures.DONGCHENG)))
			.as("the queue's order: the registration submitted after the first awaits review")
			.isPresent();
		assertThat(status(second)).isEqualTo("SUBMITTED");
		markOldPage(officer);
		press(officer, "p");
		waitForNewPage(officer);
		assertThat(officer.getCurrentUrl()).contains("/district/primary?");
		assertThat(Browser.contentSecurityPolicyViolations()).isEmpty();
	}

	/**
	 * WCAG 2.1.4: the list's switch turns the single-key shortcuts off in this browser;
	 * then a letter does nothing, and the hints and aria-keyshortcuts are gone.
	 */
	@Test
	void theSingleKeyShortcutsCanBeTurnedOff() {
		Registration registration = submitted("快捷关闭");
		WebDriver officer = Browser.signInAsStaff(url(""), "rs-dongcheng", PASSWORD);
		try {
			officer.get(url("/district/primary/" + registration.id()));
			press(officer, "?");
			assertThat(officer.switchTo().activeElement().getDomAttribute("id"))
				.as("the focus moved into the list, on its switch")
				.isEqualTo("shortcut-switch");
			press(officer, Keys.SPACE);
			press(officer, Keys.ESCAPE);
			assertThat(open(officer)).isFalse();
			assertThat(officer.findElements(By.cssSelector(".shortcut-hint"))).isEmpty();
			assertThat(officer.findElement(By.id("back")).getDomAttribute("aria-keyshortcuts")).isNull();
			String page = officer.getCurrentUrl();
			press(officer, "p");
			press(officer, "?");
			assertThat(officer.getCurrentUrl()).as("p no longer goes back").isEqualTo(page);
			assertThat(open(officer)).as("? no longer opens the list").isFalse();

			officer.navigate().refresh();
			assertThat(officer.findElements(By.cssSelector(".shortcut-hint"))).as("remembered").isEmpty();
		}
		finally {
			((JavascriptExecutor) officer).executeScript("window.localStorage.removeItem('ruxue.shortcuts')");
		}
	}

	private Registration submitted(String childName) {
		PrimaryFixtures.Family family = fixtures.family(childName);
		return registrations.submit(PrimaryFixtures.DONGCHENG, family.form(PrimaryFixtures.DC_ADDRESS),
				family.signedIn());
	}

	private String status(Registration registration) {
		return jdbc.sql("select status from primary_registration where id = ?")
			.param(registration.id().value())
			.query(String.class)
			.single();
	}

	private static boolean open(WebDriver browser) {
		return Boolean.TRUE.equals(
				((JavascriptExecutor) browser).executeScript("return document.getElementById('shortcut-help').open"));
	}

	private static Alert alert(WebDriver browser) {
		try {
			return new WebDriverWait(browser, Duration.ofSeconds(1)).until(ExpectedConditions.alertIsPresent());
		}
		catch (org.openqa.selenium.TimeoutException | NoAlertPresentException ex) {
			return null;
		}
	}

	private static void press(WebDriver browser, CharSequence keys) {
		new Actions(browser).sendKeys(keys).perform();
	}

	private static void markOldPage(WebDriver browser) {
		((JavascriptExecutor) browser).executeScript("window.ruxueOldPage = true");
	}

	private static void waitForNewPage(WebDriver browser) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
			.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
				.executeScript("return window.ruxueOldPage === undefined && document.readyState === 'complete'")));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
