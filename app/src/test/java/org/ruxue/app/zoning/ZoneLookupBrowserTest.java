package org.ruxue.app.zoning;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ruxue.app.Browser;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.calendar.EnrollmentCalendar;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A parent on a phone looks up the home's school by typing the address (R-Z3, R-Z4). */
@IntegrationTest
class ZoneLookupBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	EnrollmentCalendar calendar;

	@Autowired
	ServiceZones zones;

	@Autowired
	JdbcClient jdbc;

	private WebDriver browser;

	@BeforeEach
	void sourceExample() {
		Calendars.sourceYear2017(calendar);
		ZoningExamples.save(zones, jdbc);
		browser = Browser.get();
	}

	@Test
	void aParentTypesTheAddressWithFullWidthDigitsAndSeesBothSidesOfTheCutoff() {
		browser.get("http://localhost:" + port + "/zones");
		assertThat(browser.getTitle()).isEqualTo("划片查询");

		browser.findElement(By.id("q")).sendKeys("北京市朝阳区华纺易城３号楼２单元５０１", Keys.ENTER);

		var candidate = new WebDriverWait(browser, java.time.Duration.ofSeconds(5))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#candidates .candidate")));
		assertThat(candidate.getText()).contains("华纺易城", "与标准地址“华纺易城”一致", "2017-06-30 及以前", "北京市朝阳区国美家园小学",
				"2017-06-30 以后", "北京市润丰学校", "北京市朝阳区星河实验小学");
		Browser.screenshot("zoning-lookup-zh-phone");
	}

	@Test
	void withTheCertificateDateOnlyTheLotteryIsShown() {
		browser.get("http://localhost:" + port + "/zones?q=%E5%8D%8E%E7%BA%BA%E6%98%93%E5%9F%8E"
				+ "&certificateDate=2017-07-01&lang=en");

		var candidate = browser.findElement(By.cssSelector("#candidates .candidate"));
		assertThat(candidate.findElements(By.cssSelector(".outcome"))).hasSize(1);
		assertThat(candidate.getText()).contains("Certificate dated after 2017-06-30", "北京市朝阳区实验小学罗马嘉园分校");
		Browser.screenshot("zoning-lookup-en-phone");
	}

	@Test
	void anUnknownAddressSaysSoAndNamesTheDistrictsOffice() {
		browser.get("http://localhost:" + port + "/zones");
		browser.findElement(By.id("q")).sendKeys("朝阳区根本没有的花园", Keys.ENTER);

		var none = new WebDriverWait(browser, java.time.Duration.ofSeconds(5))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-match")));
		assertThat(none.getText()).contains("没有找到", "朝阳区教育委员会招生考试办公室");
	}

}
