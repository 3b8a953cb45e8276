package org.ruxue.app.zoning;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.ruxue.app.Browser;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.population.IdCardNumber;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Dongcheng parent looks up two addresses with the family's ID numbers; the third is
 * refused with a clear message (R-Z2).
 */
@IntegrationTest
class GatedLookupBrowserTest {

	private static final String DONGCHENG = "110101";

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
	void dongchengGatesItsLookup() {
		Calendars.sourceYear2017(calendar);
		jdbc.sql("""
				insert into school (code, name, district_code, level, public, address, seats_per_year)
				values ('110101-T902', '东城区浏览器测试小学', ?, 'PRIMARY', true, '北京市东城区', 60) on conflict do nothing""")
			.param(DONGCHENG)
			.update();
		zones.configureDistrict(DONGCHENG, "东城区教育委员会", null, true, null, Actor.SYSTEM);
		zones.saveZone(new ZoneDefinition(DONGCHENG, 2017, EntryLevel.PRIMARY, "浏览器测试片", "110101-T902", List.of()),
				Actor.SYSTEM);
		for (String compound : List.of("浏览器甲号院", "浏览器乙号院", "浏览器丙号院")) {
			zones.saveAddress(
					new AddressMapping(DONGCHENG, 2017, EntryLevel.PRIMARY, "浏览器测试片", compound, null, List.of(), false),
					Actor.SYSTEM);
		}
		browser = Browser.get();
	}

	@Test
	void twoAddressesAreAnsweredAndTheThirdIsRefused() {
		String child = IdCardNumber.withCheckDigit("11010120100606010").value();
		String guardian = IdCardNumber.withCheckDigit("11010119800606011").value();

		lookUp(child, guardian, "东城区浏览器甲号院3号楼");
		assertThat(browser.findElement(By.cssSelector("#candidates .candidate")).getText()).contains("东城区浏览器测试小学");
		Browser.screenshot("zoning-gated-zh-phone");
		lookUp(child, guardian, "浏览器乙号院");
		assertThat(browser.findElement(By.cssSelector("#candidates .candidate")).getText()).contains("浏览器乙号院");

		lookUp(child, guardian, "浏览器丙号院");

		assertThat(browser.findElement(By.id("limit")).getText()).contains("已达上限");
		assertThat(browser.findElements(By.id("candidates"))).isEmpty();
		assertThat(browser.getPageSource()).doesNotContain(child);
	}

	private void lookUp(String child, String guardian, String address) {
		browser.get("http://localhost:" + port + "/zones/gated");
		browser.findElement(By.id("childName")).sendKeys("张小明");
		browser.findElement(By.id("childId")).sendKeys(child);
		browser.findElement(By.id("guardianName")).sendKeys("张大明");
		browser.findElement(By.id("guardianId")).sendKeys(guardian);
		browser.findElement(By.id("mobile")).sendKeys("13800000000");
		browser.findElement(By.id("q")).sendKeys(address, Keys.ENTER);
	}

}
