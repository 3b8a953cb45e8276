package org.ruxue.app.primary;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.ruxue.app.Axe;
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
import static org.assertj.core.api.Assertions.fail;

/**
 * Accessibility (issue 12): a parent who uses only the keyboard registers a child for
 * primary school (R-P1..R-P6) — skips the navigation, picks the district, fills in the
 * form with Tab, typing and the arrow keys, submits with Enter — and sees where the focus
 * is at every step. No mouse click, no script sets a value. axe checks the form and the
 * registration page the walk ends on, its cancellation form and the district's review of
 * it.
 */
@IntegrationTest
class PrimaryKeyboardBrowserTest {

	private static final String PASSWORD = "primary keyboard family";

	private static final String STAFF_PASSWORD = "primary keyboard staff";

	/** The focused element shows it: an outline or Bootstrap's focus ring (a shadow). */
	private static final String FOCUS_VISIBLE = """
			var e = arguments[0], s = getComputedStyle(e);
			var outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
			var ring = s.boxShadow && s.boxShadow !== 'none';
			var shown = e.getClientRects().length > 0 && s.visibility !== 'hidden';
			return shown && (outline || ring);
			""";

	@LocalServerPort
	int port;

	@Autowired
	PrimaryFixtures fixtures;

	@Autowired
	ActivatedFamilies activated;

	@Autowired
	StaffAccounts staff;

	@BeforeEach
	void world() {
		fixtures.world();
	}

	@Test
	void rP1_aFamilyRegistersWithTheKeyboardOnlyAndAlwaysSeesTheFocus() {
		PrimaryFixtures.Family family = fixtures.family("键盘登记");
		activated.activate(family.signedIn().id(), family.mobile(), PASSWORD);
		RegistrationForm form = family.form(PrimaryFixtures.DC_ADDRESS);
		WebDriver browser = Browser.signInAsFamily(url(""), family.child().value(), family.childName(), PASSWORD);

		browser.get(url("/primary"));
		// the first Tab reaches the skip link, which jumps over the navigation
		press(browser, Keys.TAB);
		assertThat(focused(browser).getAttribute("href")).endsWith("#main");
		assertFocusVisible(browser);
		press(browser, Keys.ENTER);
		tabTo(browser, "a[href$='/primary/" + PrimaryFixtures.DONGCHENG + "/register']");
		pressAndWait(browser, Keys.ENTER);
		assertThat(browser.getCurrentUrl()).endsWith("/primary/" + PrimaryFixtures.DONGCHENG + "/register");
		assertThat(Axe.seriousViolations(browser)).as("the registration form").isEmpty();

		tabTo(browser, "#childName");
		typeHere(browser, form.getChildName());
		tabTo(browser, "#childIdNumber");
		typeHere(browser, form.getChildIdNumber());
		tabTo(browser, "#hukouType");
		chooseHere(browser, form.getHukouType());
		tabTo(browser, "#hukouDistrict");
		chooseHere(browser, form.getHukouDistrict());
		tabTo(browser, "#hukouAddress");
		typeHere(browser, form.getHukouAddress());
		tabTo(browser, "#address");
		typeHere(browser, form.getAddress());
		tabTo(browser, "#homeTenure");
		chooseHere(browser, form.getHomeTenure());
		tabTo(browser, "#owner");
		chooseHere(browser, form.getOwner());
		tabTo(browser, "#certificateNumber");
		typeHere(browser, form.getCertificateNumber());
		tabTo(browser, "#certificateDate");
		typeDateHere(browser, form.getCertificateDate());
		tabTo(browser, "#guardian1Name");
		typeHere(browser, form.getGuardian1Name());
		tabTo(browser, "#guardian1Relation");
		chooseHere(browser, form.getGuardian1Relation());
		// Shift+Tab goes back: the relation is still chosen, and Tab comes forward again
		new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
		assertThat(focused(browser).getAttribute("id")).isEqualTo("guardian1Name");
		assertFocusVisible(browser);
		tabTo(browser, "#guardian1IdNumber");
		typeHere(browser, form.getGuardian1IdNumber());
		tabTo(browser, "#guardian1Mobile");
		typeHere(browser, form.getGuardian1Mobile());
		tabTo(browser, "#registration-form button[type=submit]");
		pressAndWait(browser, Keys.ENTER);

		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已提交，待区审核");
		assertThat(browser.findElement(By.id("child-id")).getText()).isEqualTo(family.child().masked());
		assertThat(Axe.seriousViolations(browser)).as("the registration page").isEmpty();
		assertThat(Browser.contentSecurityPolicyViolations()).isEmpty();

		// the pages of this one registration, which AccessibilityBrowserTest cannot reach
		// without one: the family's cancellation form and the district's review
		String registration = browser.getCurrentUrl().replaceAll("^.*/primary/mine/", "");
		browser.get(url("/primary/mine/" + registration + "/cancel"));
		assertThat(Axe.seriousViolations(browser)).as("the cancellation form").isEmpty();
		WebDriver officer = Browser.signInAsStaff(url(""), staffAccount(), STAFF_PASSWORD);
		officer.get(url("/district/primary/" + registration));
		assertThat(officer.findElement(By.id("child-id")).getText()).isEqualTo(family.child().masked());
		assertThat(Axe.seriousViolations(officer)).as("the district's review").isEmpty();
	}

	private String staffAccount() {
		if (!staff.exists("pk-dongcheng")) {
			staff.create(new NewAccount("pk-dongcheng", "pk-dongcheng", Role.DISTRICT_OFFICER,
					PrimaryFixtures.DONGCHENG, null), STAFF_PASSWORD, false, Actor.SYSTEM);
		}
		return "pk-dongcheng";
	}

	/**
	 * Tabs forward until the element the selector names has the focus, seen each time.
	 */
	private static void tabTo(WebDriver browser, String selector) {
		for (int i = 0; i < 60; i++) {
			press(browser, Keys.TAB);
			assertFocusVisible(browser);
			if (Boolean.TRUE.equals(((JavascriptExecutor) browser)
				.executeScript("return document.activeElement.matches(arguments[0])", selector))) {
				return;
			}
		}
		fail("60 Tabs did not reach " + selector);
	}

	private static void assertFocusVisible(WebDriver browser) {
		WebElement focused = focused(browser);
		assertThat(((JavascriptExecutor) browser).executeScript(FOCUS_VISIBLE, focused))
			.as("a visible focus indicator on %s#%s", focused.getTagName(), focused.getAttribute("id"))
			.isEqualTo(Boolean.TRUE);
	}

	private static WebElement focused(WebDriver browser) {
		return browser.switchTo().activeElement();
	}

	private static void typeHere(WebDriver browser, String text) {
		new Actions(browser).sendKeys(text).perform();
		assertThat(focused(browser).getAttribute("value")).isEqualTo(text);
	}

	/**
	 * Types a date into the focused date field part by part, in the order the browser's
	 * locale shows them: a two-digit month or day moves on by itself, a year by the right
	 * arrow.
	 */
	@SuppressWarnings("unchecked")
	private static void typeDateHere(WebDriver browser, String isoDate) {
		String[] date = isoDate.split("-");
		List<String> order = (List<String>) ((JavascriptExecutor) browser)
			.executeScript("return new Intl.DateTimeFormat(navigator.language, "
					+ "{ year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date())"
					+ ".map(p => p.type).filter(t => t !== 'literal')");
		Actions keys = new Actions(browser);
		for (String part : order) {
			switch (part) {
				case "year" -> keys.sendKeys(date[0], Keys.ARROW_RIGHT);
				case "month" -> keys.sendKeys(date[1]);
				case "day" -> keys.sendKeys(date[2]);
				default -> throw new IllegalStateException(part);
			}
		}
		keys.perform();
		assertThat(focused(browser).getAttribute("value")).as("typed in the order %s", order).isEqualTo(isoDate);
	}

	/** Chooses in the focused list with the arrow keys, as a keyboard user does. */
	private static void chooseHere(WebDriver browser, String value) {
		JavascriptExecutor js = (JavascriptExecutor) browser;
		long target = (Long) js.executeScript(
				"return Array.from(document.activeElement.options).findIndex(o => o.value === arguments[0])", value);
		assertThat(target).as("an option %s", value).isNotNegative();
		long current = (Long) js.executeScript("return document.activeElement.selectedIndex");
		Keys key = (target > current) ? Keys.ARROW_DOWN : Keys.ARROW_UP;
		for (long i = 0; i < Math.abs(target - current); i++) {
			press(browser, key);
		}
		assertThat(focused(browser).getAttribute("value")).isEqualTo(value);
	}

	private static void press(WebDriver browser, CharSequence key) {
		new Actions(browser).sendKeys(key).perform();
	}

	/** Presses a key that loads a new page and waits until the new page has loaded. */
	private static void pressAndWait(WebDriver browser, CharSequence key) {
		((JavascriptExecutor) browser).executeScript("window.ruxueOldPage = true");
		press(browser, key);
		new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
			.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
				.executeScript("return window.ruxueOldPage === undefined && document.readyState === 'complete'")));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
