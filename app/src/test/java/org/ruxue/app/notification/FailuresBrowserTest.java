package org.ruxue.app.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ruxue.app.Browser;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.identity.NewAccount;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.StaffAccounts;
import org.ruxue.app.notification.StoredMessage.SmsStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A retry sends a text again at once, so the failures page asks first. */
@IntegrationTest
class FailuresBrowserTest {

	private static final String PASSWORD = "notification admin password";

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Outbox outbox;

	@Autowired
	MessageTexts texts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private WebDriver browser;

	private long failed;

	@BeforeEach
	void signInWithAFailedText() {
		if (!accounts.exists("notification-admin")) {
			accounts.create(new NewAccount("notification-admin", "市教委管理员", Role.CITY_ADMIN, null, null), PASSWORD,
					false, Actor.SYSTEM);
		}
		Instant due = Instant.parse("2030-08-01T00:00:00Z");
		failed = outbox.add(OutboxWorkerTest.code(Recipients.mobile(), "2468"), due);
		ApplicationWorker.awaitIdle(jdbc, clock);
		new OutboxWorker(outbox, sms -> {
			throw SmsNotSentException.permanent("SMSC refused the number");
		}, texts, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1), Duration.ofMinutes(1), 1000).drain(due);
		browser = Browser.get();
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys("notification-admin");
		// Enter submits the form the password is in, whatever else the sign-in page
		// offers
		browser.findElement(By.id("password")).sendKeys(PASSWORD + Keys.ENTER);
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !driver.getCurrentUrl().contains("/login"));
	}

	@Test
	void cancellingTheQuestionRetriesNothing() {
		browser.get("http://localhost:" + port + "/admin/notifications/failures");

		retryButton().click();
		var question = browser.switchTo().alert();
		assertThat(question.getText()).contains("确定要重新发送第 " + failed + " 号短信吗");
		question.dismiss();

		assertThat(outbox.byId(failed).orElseThrow().smsStatus()).isEqualTo(SmsStatus.FAILED);
	}

	@Test
	void confirmingQueuesTheTextAgain() {
		browser.get("http://localhost:" + port + "/admin/notifications/failures");

		retryButton().click();
		browser.switchTo().alert().accept();

		assertThat(browser.findElement(By.cssSelector("[role=status].alert-success")).getText())
			.contains("第 " + failed + " 号短信已重新排队发送");
		assertThat(outbox.byId(failed).orElseThrow().smsStatus()).isNotEqualTo(SmsStatus.FAILED);
		Browser.screenshot("admin-notification-failures");
	}

	private WebElement retryButton() {
		WebElement button = browser
			.findElement(By.cssSelector("tr[data-message-id='" + failed + "'] button[type=submit]"));
		((JavascriptExecutor) browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
		return button;
	}

}
