package org.ruxue.app.junior;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The junior pages over HTTP (R-J7): the city's batch edit asks for confirmation and
 * keeps bad input with its errors; the district records a route, which the family then
 * sees instead of the form; the receipt carries the lottery id.
 */
@IntegrationTest
class PreferencePagesTest {

	private static final SignedIn CITY = new SignedIn(AccountId.random(), "jp-city", "市教委", Role.CITY_ADMIN, null,
			null);

	@Autowired
	MockMvc mvc;

	@Autowired
	PreferenceFixtures fixtures;

	@Autowired
	Batches batches;

	@Autowired
	Preferences preferences;

	@BeforeEach
	void open() {
		fixtures.preferencesOpen();
	}

	@Test
	void rJ7_batchesAreSavedOnlyAfterConfirmation_badInputKeptWithItsErrors() throws Exception {
		String district = "110108";
		String bad = page(post("/admin/junior/batches/" + district).with(csrf())
			.with(user(CITY))
			.param("year", "2017")
			.param("version", "0")
			.param("name1", "第一批")
			.param("choices1", "0")
			.param("scope1", "NEARBY"));
		assertThat(bad).contains("志愿数须为 1 到 20", "平台无法为每个学生确定这一范围", "value=\"第一批\"");

		String confirm = page(post("/admin/junior/batches/" + district).with(csrf())
			.with(user(CITY))
			.param("year", "2017")
			.param("version", "0")
			.param("name1", "第一批")
			.param("choices1", "3")
			.param("scope1", "DISTRICT"));
		assertThat(confirm).contains("confirm-batches", "第一批：最多 3 个志愿");
		assertThat(batches.plan(district, 2017).batches()).isEmpty();

		mvc.perform(post("/admin/junior/batches/" + district).with(csrf())
			.with(user(CITY))
			.param("year", "2017")
			.param("version", "0")
			.param("name1", "第一批")
			.param("choices1", "3")
			.param("scope1", "DISTRICT")
			.param("confirmed", "yes"));
		assertThat(batches.plan(district, 2017).batches()).containsExactly(new Batch(1, "第一批", 3, BatchScope.DISTRICT));
	}

	@Test
	void rJ7_aRouteRecordedByTheDistrictReplacesTheFamilysForm() throws Exception {
		String district = "110102";
		fixtures.district(district, PreferenceFixtures.twoBatches());
		PreferenceFixtures.Family family = fixtures.family(district, "页面途径");
		SignedIn officer = fixtures.officer(district);

		String refused = page(post("/district/junior/routes").with(csrf())
			.with(user(officer))
			.param("educationId", family.educationId())
			.param("route", "RECOMMENDED")
			.param("school", "NO-SUCH-SCHOOL"));
		assertThat(refused).contains("没有这个代码的学校", "value=\"NO-SUCH-SCHOOL\"");
		assertThat(page(get("/junior/preferences").with(user(family.signedIn())))).contains("preferences-form");

		mvc.perform(post("/district/junior/routes").with(csrf())
			.with(user(officer))
			.param("educationId", family.educationId().toLowerCase())
			.param("route", "SPECIALTY")
			.param("school", PreferenceFixtures.junior(district, 2)));

		assertThat(page(get("/district/junior/routes").with(user(officer)))).contains(family.educationId(), "特长生");
		assertThat(page(get("/junior/preferences").with(user(family.signedIn())))).contains("特长生", "不参加电脑派位")
			.doesNotContain("preferences-form");
	}

	@Test
	void rJ7_theReceiptCarriesTheLotteryIdAndTheStandingChoices() throws Exception {
		String district = "110101";
		fixtures.district(district, PreferenceFixtures.twoBatches());
		PreferenceFixtures.Family family = fixtures.family(district, "页面回执");
		preferences.save(family.signedIn(), 0, Map.of(2, List.of(PreferenceFixtures.junior(district, 3))));

		String receipt = page(get("/junior/preferences/receipt").with(user(family.signedIn())));

		assertThat(receipt).contains(preferences.lotteryId(family.student()), "第 1 版", "志愿测试" + district + "第3中学");
	}

	private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

}
