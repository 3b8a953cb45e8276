package org.ruxue.app.primary;

import java.time.Instant;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 12: the primary family's status pages (the entrance once signed in, and the
 * registration) show exactly one thing to do now, following a registration through its
 * real states (R-P6, R-P11, R-P8).
 */
@IntegrationTest
class PrimaryNextActionPagesTest {

	private static final Pattern DO_NOW = Pattern.compile("id=\"do-now\"");

	@Autowired
	PrimaryFixtures fixtures;

	@Autowired
	PrimaryRegistrations registrations;

	@Autowired
	IdentityChecks checks;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void world() {
		fixtures.world();
	}

	@Test
	void rP6_registerThenWaitForTheCheckThenPrintTheFormThenTakeItToTheSchool() throws Exception {
		PrimaryFixtures.Family family = fixtures.family("现在登记");

		String account = page("/account", family);
		assertThat(DO_NOW.matcher(account).results().count()).as("the landing page leads to the status page")
			.isEqualTo(1);
		assertThat(account).contains("id=\"do-now-action\" href=\"/primary\"");

		String entrance = page("/primary", family);
		assertOneAction(entrance);
		assertThat(entrance).contains("请在下面选择登记区").doesNotContain("id=\"do-now-action\"");

		Registration r = registrations.submit(PrimaryFixtures.DONGCHENG, family.form(PrimaryFixtures.DC_ADDRESS),
				family.signedIn());
		String pending = page("/primary/mine/" + r.id(), family);
		assertOneAction(pending);
		assertThat(pending).contains("现在无需操作：正在与公安部人口信息系统核验身份");
		assertThat(page("/primary", family)).as("the entrance follows the registration")
			.contains("现在无需操作：正在与公安部人口信息系统核验身份");

		checkAll();
		String verified = page("/primary/mine/" + r.id(), family);
		assertOneAction(verified);
		assertThat(verified).contains("身份核验已通过。请打印信息采集表", "href=\"/primary/mine/" + r.id() + "/form.pdf\"", "信息采集表",
				"以学校公布的登记信息公告为准");

		registrations.approve(r.id(), registrations.byId(r.id()).orElseThrow().version(),
				PrimaryFixtures.officer(PrimaryFixtures.DONGCHENG));
		String approved = page("/primary/mine/" + r.id(), family);
		assertOneAction(approved);
		assertThat(approved).contains("区教委已审核通过。请打印信息采集表，按学校公布的登记信息公告到学校登记报名");
	}

	@Test
	void rP8_aCancelledRegistrationSendsTheFamilyToRegisterAgain() throws Exception {
		PrimaryFixtures.Family family = fixtures.family("撤销再登");
		Registration r = registrations.submit(PrimaryFixtures.DONGCHENG, family.form(PrimaryFixtures.DC_ADDRESS),
				family.signedIn());
		registrations.cancel(r.id(), r.version(), "换区", family.signedIn());

		String cancelled = page("/primary/mine/" + r.id(), family);
		assertOneAction(cancelled);
		assertThat(cancelled).contains("这次登记已撤销", "id=\"do-now-action\"", "href=\"/primary\"");
		assertThat(page("/primary", family)).contains("请在下面选择登记区");
	}

	@Test
	void rP11_aFailedIdentityCheckSaysToCheckTheDocumentsAndOffersTheCancellation() throws Exception {
		PrimaryFixtures.Family family = fixtures.family("核验不符现在");
		RegistrationForm form = family.form(PrimaryFixtures.DC_ADDRESS);
		form.setGuardian1Name("别人");
		Registration r = registrations.submit(PrimaryFixtures.DONGCHENG, form, family.signedIn());
		checkAll();

		String page = page("/primary/mine/" + r.id(), family);
		assertOneAction(page);
		assertThat(page).contains("请对照身份证、户口簿检查填写的信息", "href=\"/primary/mine/" + r.id() + "/cancel\"");
	}

	@Test
	void theFamilysStepsSpeakEnglishToAnEnglishReader() throws Exception {
		PrimaryFixtures.Family family = fixtures.family("英文现在");
		String entrance = mvc.perform(get("/primary").param("lang", "en").with(user(family.signedIn())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(entrance).contains("What to do now", "What happens next", "What to bring", "hukou book")
			.doesNotContain("??");
	}

	private String page(String path, PrimaryFixtures.Family family) throws Exception {
		return mvc.perform(get(path).with(user(family.signedIn()))).andReturn().getResponse().getContentAsString();
	}

	private void checkAll() {
		while (checks.checkDue(Instant.now().plusSeconds(3600 * 24 * 365 * 20L)) > 0) {
			// until nothing is due
		}
	}

	/** One prominent action, every message found, and what comes next on the page. */
	private static void assertOneAction(String page) {
		assertThat(DO_NOW.matcher(page).results().count()).as("one thing to do now").isEqualTo(1);
		assertThat(page).contains("现在请您", "id=\"after-this\"").doesNotContain("??");
	}

}
