package org.ruxue.app.placement;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ruxue.app.Axe;
import org.ruxue.app.Browser;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.identity.ActivatedFamilies;
import org.ruxue.app.identity.NewAccount;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.StaffAccounts;
import org.ruxue.app.junior.Preferences;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city's draw in a real browser (R-J7, R-G8): freeze with a confirmation → the hash
 * on the public page → the entropy typed twice, confirmed, the draw's progress until done
 * → publication on its date → a family's result with its reasons, and its line on the
 * public page.
 */
@IntegrationTest
class DrawBrowserTest {

	static final int YEAR = 2020;

	static final String DISTRICT = "110106";

	static final String STAFF_PASSWORD = "draw browser city staff";

	static final String FAMILY_PASSWORD = "draw browser family";

	@LocalServerPort
	int port;

	@Autowired
	PlacementFixtures fixtures;

	@Autowired
	Preferences preferences;

	@Autowired
	StaffAccounts staff;

	@Autowired
	ActivatedFamilies activated;

	@AfterEach
	void backToTheSuitesDay() {
		fixtures.resetClock();
	}

	@Test
	void rJ7_rG8_theCityFreezesDrawsAndPublishesAndAFamilyReadsItsResult() {
		fixtures.year(YEAR);
		fixtures.juniorDistrict(YEAR, DISTRICT, 1, 1);
		fixtures.at(YEAR, 5, 10, 9);
		PlacementFixtures.Family family = fixtures.graduate(YEAR, DISTRICT, "浏览派位");
		PlacementFixtures.Family other = fixtures.graduate(YEAR, DISTRICT, "同校竞争");
		List<String> choices = List.of(PlacementFixtures.junior(YEAR, DISTRICT, 1));
		preferences.save(family.signedIn(), 0, Map.of(1, choices));
		preferences.save(other.signedIn(), 0, Map.of(1, choices));
		if (!staff.exists("dbt-city")) {
			staff.create(new NewAccount("dbt-city", "市教委", Role.CITY_ADMIN, null, null), STAFF_PASSWORD, false,
					Actor.SYSTEM);
		}

		fixtures.at(YEAR, 7, 5, 8);
		WebDriver admin = Browser.signInAsStaff(url(""), "dbt-city", STAFF_PASSWORD);
		admin.get(url("/admin/draws"));
		new Select(admin.findElement(By.id("level"))).selectByValue("JUNIOR");
		Browser.type(admin, "year", Integer.toString(YEAR));
		new Select(admin.findElement(By.id("scope"))).selectByValue(DISTRICT);
		((JavascriptExecutor) admin).executeScript("document.getElementById('drawOn').value = arguments[0]",
				YEAR + "-07-05");
		Browser.type(admin, "entropyRule", "公证员现场摇出的 6 个两位数");
		Browser.clickAndWait(admin, By.id("freeze"));
		assertThat(text(admin, "confirm-question")).contains("不可撤销");
		Browser.clickAndWait(admin, By.id("confirm-freeze"));
		String hash = text(admin, "snapshot-hash");
		assertThat(hash).matches("[0-9a-f]{64}");
		String drawPage = admin.getCurrentUrl();

		// the two entries of the entropy must agree; nothing is drawn until they do
		Browser.type(admin, "entropy-input", "2020-07-05 07 19 23");
		Browser.type(admin, "entropy-again", "2020-07-05 07 19 24");
		Browser.clickAndWait(admin, By.id("draw-next"));
		assertThat(text(admin, "form-problem")).contains("不一致");
		Browser.type(admin, "entropy-input", "2020-07-05 07 19 23");
		Browser.type(admin, "entropy-again", "2020-07-05 07 19 23");
		Browser.clickAndWait(admin, By.id("draw-next"));
		assertThat(text(admin, "confirm-entropy")).isEqualTo("2020-07-05 07 19 23");
		Browser.clickAndWait(admin, By.id("confirm-draw"));
		waitFor(admin, "work-done");
		admin.get(drawPage);
		assertThat(text(admin, "status")).isEqualTo("已派位，待公布");
		assertThat(text(admin, "placed")).contains("1 / 2");
		assertThat(Browser.contentSecurityPolicyViolations()).isEmpty();

		fixtures.at(YEAR, 7, 6, 9);
		admin.get(drawPage);
		Browser.clickAndWait(admin, By.id("publish-next"));
		Browser.clickAndWait(admin, By.id("confirm-publish"));
		waitFor(admin, "work-done");
		admin.get(drawPage);
		assertThat(text(admin, "status")).isEqualTo("已公布");
		assertThat(Axe.seriousViolations(admin)).as("the draw's page").isEmpty();
		admin.get(drawPage.replace("/admin/draws/", "/admin/results/"));
		assertThat(Axe.seriousViolations(admin)).as("the corrections page").isEmpty();
		admin.get(drawPage);
		Browser.screenshot("placement-draw");

		// the family reads its result, then finds its line on the public page
		activated.activate(family.signedIn().id(), family.student().mobile().value(), FAMILY_PASSWORD);
		WebDriver browser = Browser.signInAsFamily(url(""), family.educationId(), "浏览派位", FAMILY_PASSWORD);
		browser.get(url("/junior/result"));
		String lotteryId = text(browser, "lottery-id-0");
		assertThat(text(browser, "steps-0")).contains("派位测试" + YEAR + DISTRICT + "第1中学");
		assertThat(Axe.seriousViolations(browser)).as("the family's result").isEmpty();
		Browser.screenshot("placement-family-result");
		browser.get(url("/lottery"));
		assertThat(browser.getPageSource()).contains(hash);
		browser.get(drawPage.replace("/admin/draws/", "/lottery/"));
		Browser.type(browser, "lotteryId", lotteryId);
		Browser.clickAndWait(browser, By.id("find-line"));
		assertThat(text(browser, "result-line")).contains(lotteryId);
		assertThat(Axe.seriousViolations(browser)).as("the public verification page").isEmpty();
		assertThat(Browser.contentSecurityPolicyViolations()).isEmpty();
	}

	private static void waitFor(WebDriver browser, String id) {
		new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id(id)).isEmpty());
	}

	private static String text(WebDriver browser, String id) {
		return browser.findElement(By.id(id)).getText().strip();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
