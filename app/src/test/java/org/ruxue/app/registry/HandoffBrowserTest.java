package org.ruxue.app.registry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

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
 * The city's hand-off in the browser (R-G3): from the graduate import to the hand-off
 * page, a send confirmed and reported, then the reconciliation.
 */
@IntegrationTest
class HandoffBrowserTest {

	private static final String PASSWORD = "browser handoff password";

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

	@Autowired
	EnrollmentHandoffs handoffs;

	@Autowired
	JdbcClient jdbc;

	private final int year = Enrollments.freshYear();

	@BeforeEach
	void cityAndEnrollments() {
		Enrollments.schools(jdbc);
		if (!staff.exists("handoff-browser-city")) {
			staff.create(new NewAccount("handoff-browser-city", "市教委", Role.CITY_ADMIN, null, null), PASSWORD, false,
					Actor.SYSTEM);
		}
		handoffs.record(Enrollments.juniors(year, 4), EnrollmentHandoffsTest.CITY);
	}

	@Test
	void rG3_theCitySendsAfterConfirmingAndReconciles() {
		WebDriver browser = Browser.signInAsStaff(url(""), "handoff-browser-city", PASSWORD);
		Browser.contentSecurityPolicyViolations();

		browser.get(url("/admin/registry"));
		Browser.clickAndWait(browser, By.id("handoff-link"));
		Browser.type(browser, "year", Integer.toString(year));
		Browser.clickAndWait(browser, By.id("show-year"));
		assertThat(browser.findElement(By.id("counts-JUNIOR")).getText()).contains("4");
		showTable(browser, "handoff-counts");
		Browser.screenshot("registry-handoff");

		Browser.clickAndWait(browser, By.id("send-JUNIOR"));
		assertThat(browser.findElement(By.id("confirm-question")).getText()).contains("4 名新生");
		Browser.clickAndWait(browser, By.id("confirm-send"));
		assertThat(browser.findElement(By.id("send-report")).getText()).contains("已确认 4 名");
		showTable(browser, "send-report");
		Browser.screenshot("registry-handoff-sent");

		Browser.clickAndWait(browser, By.id("reconcile-JUNIOR"));
		assertThat(browser.findElement(By.id("finding-PRESENT")).getText()).contains("4");
		assertThat(browser.findElement(By.id("no-discrepancies")).isDisplayed()).isTrue();
		Browser.screenshot("registry-handoff-reconciliation");
		assertThat(Browser.contentSecurityPolicyViolations()).isEmpty();
	}

	private static void showTable(WebDriver browser, String id) {
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
				browser.findElement(By.id(id)));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
