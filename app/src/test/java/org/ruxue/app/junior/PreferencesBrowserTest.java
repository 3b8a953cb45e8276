package org.ruxue.app.junior;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

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

/**
 * Issue 8's journey in a real browser (R-J7): the city sets a district's batches and
 * confirms them → a family fills in its preferences and gets its receipt with the lottery
 * id → changes them before the deadline → after the deadline a change is refused and the
 * last saved preferences stand.
 */
@IntegrationTest
class PreferencesBrowserTest {

	private static final String DISTRICT = "110117";

	private static final String PASSWORD = "preferences browser family";

	private static final String STAFF_PASSWORD = "preferences browser staff";

	@LocalServerPort
	int port;

	@Autowired
	PreferenceFixtures fixtures;

	@Autowired
	ActivatedFamilies activated;

	@Autowired
	StaffAccounts staff;

	@Autowired
	Preferences preferences;

	@BeforeEach
	void world() {
		fixtures.schools(DISTRICT);
		fixtures.preferencesOpen();
		if (!staff.exists("pfb-city")) {
			staff.create(new NewAccount("pfb-city", "市教委", Role.CITY_ADMIN, null, null), STAFF_PASSWORD, false,
					Actor.SYSTEM);
		}
	}

	@Test
	void rJ7_preferencesFilledAndChangedBeforeTheDeadlineAndRefusedAfterIt() {
		// the city sets Pinggu's batches and confirms the change
		WebDriver admin = Browser.signInAsStaff(url(""), "pfb-city", STAFF_PASSWORD);
		admin.get(url("/admin/junior/batches/" + DISTRICT + "?year=2017"));
		Browser.type(admin, "name1", "第一批次");
		Browser.type(admin, "choices1", "1");
		new Select(admin.findElement(By.id("scope1"))).selectByValue("DISTRICT");
		Browser.type(admin, "name2", "第二批次");
		Browser.type(admin, "choices2", "2");
		new Select(admin.findElement(By.id("scope2"))).selectByValue("DISTRICT");
		assertThat(admin.findElements(By.cssSelector("#scope1 option[value=NEARBY]"))).isEmpty();
		Browser.clickAndWait(admin, By.id("review-batches"));
		assertThat(text(admin, "after")).contains("第一批次", "第二批次");
		Browser.clickAndWait(admin, By.id("confirm-batches"));
		assertThat(text(admin, "plan-" + DISTRICT)).contains("第一批次", "最多 2 个志愿");
		assertThat(Browser.contentSecurityPolicyViolations()).isEmpty();

		// the family fills in both batches and gets its receipt
		PreferenceFixtures.Family family = fixtures.family(DISTRICT, "浏览志愿");
		activated.activate(family.signedIn().id(), family.mobile(), PASSWORD);
		WebDriver browser = Browser.signInAsFamily(url(""), family.educationId(), "浏览志愿", PASSWORD);
		browser.get(url("/junior/preferences"));
		assertThat(text(browser, "window")).contains("截止前可以修改");
		choose(browser, "b1c1", PreferenceFixtures.junior(DISTRICT, 1));
		choose(browser, "b2c1", PreferenceFixtures.junior(DISTRICT, 2));
		choose(browser, "b2c2", PreferenceFixtures.junior(DISTRICT, 3));
		Browser.clickAndWait(browser, By.id("save-preferences"));
		assertThat(text(browser, "notice")).contains("志愿已保存");
		assertThat(text(browser, "standing")).contains("第 1 版");
		Browser.clickAndWait(browser, By.id("receipt-link"));
		String lotteryId = text(browser, "lottery-id");
		assertThat(lotteryId).matches(LotteryIds.FORMAT);
		assertThat(text(browser, "receipt-batch-2")).contains("第2中学", "第3中学");
		Browser.screenshot("junior-receipt");

		// a school twice is refused and what was typed stays
		browser.get(url("/junior/preferences"));
		choose(browser, "b2c2", PreferenceFixtures.junior(DISTRICT, 1));
		Browser.clickAndWait(browser, By.id("save-preferences"));
		assertThat(text(browser, "problem-batch-2")).contains("只能填报一次");
		assertThat(new Select(browser.findElement(By.id("b2c2"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo(PreferenceFixtures.junior(DISTRICT, 1));

		// the family changes its mind before the deadline
		choose(browser, "b2c2", "");
		choose(browser, "b1c1", PreferenceFixtures.junior(DISTRICT, 3));
		choose(browser, "b2c1", PreferenceFixtures.junior(DISTRICT, 1));
		Browser.clickAndWait(browser, By.id("save-preferences"));
		assertThat(text(browser, "standing")).contains("第 2 版");
		Browser.screenshot("junior-preferences");

		// the deadline passes while the page is open: the change is refused, version 2
		// stands
		choose(browser, "b1c1", PreferenceFixtures.junior(DISTRICT, 2));
		fixtures.preferencesClosed();
		Browser.clickAndWait(browser, By.id("save-preferences"));
		assertThat(text(browser, "problem")).contains("已于 2017-05-09 截止", "最后保存的志愿有效");
		assertThat(browser.findElements(By.id("save-preferences"))).isEmpty();
		assertThat(text(browser, "standing")).contains("第 2 版");
		var standing = preferences.saved(family.educationId(), 2017).orElseThrow();
		assertThat(standing.version()).isEqualTo(2);
		assertThat(standing.inBatch(1)).containsExactly(PreferenceFixtures.junior(DISTRICT, 3));
		assertThat(standing.lotteryId()).isEqualTo(lotteryId);
		assertThat(Browser.contentSecurityPolicyViolations()).isEmpty();
	}

	private static void choose(WebDriver browser, String id, String code) {
		new Select(browser.findElement(By.id(id))).selectByValue(code);
	}

	private static String text(WebDriver browser, String id) {
		return browser.findElement(By.id(id)).getText().strip();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
