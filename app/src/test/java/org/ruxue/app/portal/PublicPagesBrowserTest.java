package org.ruxue.app.portal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.ruxue.app.Browser;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.calendar.EnrollmentCalendar;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parent on a phone-sized screen reads the home and help pages, in Chinese and in
 * English.
 */
@IntegrationTest
class PublicPagesBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	EnrollmentCalendar calendar;

	private WebDriver browser;

	@BeforeEach
	void openBrowser() {
		Calendars.sourceYear2017(calendar);
		browser = Browser.get();
	}

	@Test
	void theHomePageShowsWhatIsOpenInChineseAndSwitchesToEnglish() {
		browser.get("http://localhost:" + port + "/");

		assertThat(browser.getTitle()).isEqualTo("入学服务平台");
		assertThat(browser.findElement(By.id("open-now")).getText()).contains("幼升小信息采集");
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("演示时钟");
		Browser.screenshot("home-zh-phone");

		Browser.openMenu(browser);
		browser.findElement(By.linkText("English")).click();

		assertThat(browser.findElement(By.id("open-now")).getText()).contains("Primary-entry registration");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		Browser.screenshot("home-en-phone");
	}

	/**
	 * The strict Content-Security-Policy (issue 11) refuses nothing the pages use: htmx
	 * and the platform's script run, the stylesheet's classes apply.
	 */
	@Test
	void thePublicPagesRunUnderTheContentSecurityPolicy() {
		Browser.contentSecurityPolicyViolations();
		for (String page : List.of("/", "/help", "/login", "/family/activate", "/family/reset", "/zones",
				"/zones?q=%E6%99%AF%E5%B1%B1", "/zones/gated", "/primary", "/permits", "/no-such-page")) {
			browser.get("http://localhost:" + port + page);

			assertThat(((JavascriptExecutor) browser).executeScript("return typeof window.htmx")).as(page)
				.isEqualTo("object");
		}
		browser.get("http://localhost:" + port + "/login");

		assertThat(browser.findElement(By.cssSelector("main > section")).getCssValue("max-width")).isEqualTo("832px");
		assertThat(Browser.contentSecurityPolicyViolations()).isEmpty();
	}

	@Test
	void aHelpAnswerOpensWhenItsQuestionIsTapped() {
		browser.get("http://localhost:" + port + "/help");
		var answer = browser.findElement(By.cssSelector("#faq-lost-form p"));
		assertThat(answer.isDisplayed()).isFalse();

		browser.findElement(By.cssSelector("#faq-lost-form summary")).click();

		assertThat(answer.isDisplayed()).isTrue();
		assertThat(answer.getText()).contains("重新打印");
	}

}
