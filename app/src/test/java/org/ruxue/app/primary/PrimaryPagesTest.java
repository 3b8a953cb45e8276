package org.ruxue.app.primary;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The pages of primary entry as HTML: what they say, in both languages. */
@IntegrationTest
class PrimaryPagesTest {

	@Autowired
	PrimaryFixtures fixtures;

	@Autowired
	PrimaryRegistrations registrations;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void world() {
		fixtures.world();
	}

	@Test
	void rG7_theFormMarksRequiredFieldsAndPutsEachProblemNextToItsFieldKeepingWhatWasTyped() throws Exception {
		PrimaryFixtures.Family family = fixtures.family("页面错");
		String page = mvc.perform(get("/primary/110101/register").with(user(family.signedIn())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("带红色 * 的为必填项", "text-danger");

		String answer = mvc
			.perform(post("/primary/110101/register").with(csrf())
				.with(user(family.signedIn()))
				.param("childName", "页面错")
				.param("childIdNumber", "11010120101001000")
				.param("guardian1Name", "保留我"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(answer).contains("id=\"childIdNumber-problem\"", "身份证号应为 18 位", "value=\"保留我\"",
				"id=\"hukouType-problem\"");
		assertThat(registrations.ofFamily(family.signedIn())).isEmpty();
	}

	@Test
	void theProblemsSpeakEnglishToAnEnglishReader() throws Exception {
		PrimaryFixtures.Family family = fixtures.family("英文");
		String answer = mvc
			.perform(post("/primary/110101/register").with(csrf())
				.with(user(family.signedIn()))
				.param("lang", "en")
				.param("childIdNumber", "11010120101001000"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(answer).contains("An ID number has 18 characters", "Please fill this in.");
	}

	/**
	 * R-P8, R-P11: a registration the district returned cannot be edited, so its page
	 * says what to do next — cancel and register again, or ask the district after the
	 * window.
	 */
	@Test
	void rP8_aReturnedRegistrationSaysWhatToDoNext() throws Exception {
		PrimaryFixtures.Family family = fixtures.family("退回页");
		Registration submitted = registrations.submit(PrimaryFixtures.DONGCHENG,
				family.form(PrimaryFixtures.DC_ADDRESS), family.signedIn());
		registrations.returnForCorrection(submitted.id(), registrations.byId(submitted.id()).orElseThrow().version(),
				"房产证号有误", PrimaryFixtures.officer(PrimaryFixtures.DONGCHENG));

		String page = mvc.perform(get("/primary/mine/" + submitted.id()).with(user(family.signedIn())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("房产证号有误", "id=\"do-now\"", "请点“撤销登记”，再按正确信息重新登记");

		String english = mvc
			.perform(get("/primary/mine/" + submitted.id()).param("lang", "en").with(user(family.signedIn())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("register again with the right data");
	}

	@Test
	void rP6_theEntranceSaysWhatFamiliesMustKnowBeforeChoosingTheDistrict() throws Exception {
		String page = mvc.perform(get("/primary")).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("登记的先后顺序不影响入学", "每名儿童只能在全市一个区登记", "户籍与住房", "/primary/110101/register");
	}

}
