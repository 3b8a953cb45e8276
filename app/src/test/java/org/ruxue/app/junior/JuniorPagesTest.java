package org.ruxue.app.junior;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The junior-entry pages: the ID number masked, refusals in the reader's language next to
 * the field with what was typed kept, a stale form telling the family the data changed,
 * and nothing stored by a refused request (R-J2, R-J3, R-J5).
 */
@IntegrationTest
class JuniorPagesTest {

	@Autowired
	JuniorFixtures fixtures;

	@Autowired
	Confirmations confirmations;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void world() {
		fixtures.world();
	}

	@Test
	void theHomeShowsTheDataMaskedAndTheOneThingToDo() throws Exception {
		JuniorFixtures.Graduate g = fixtures.graduate("页面甲");

		String page = mvc.perform(get("/junior").with(user(g.family()))).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("页面甲", g.child().masked(), "请核对下面的信息", "/junior/path")
			.doesNotContain(g.child().value());
	}

	@Test
	void anEmptyReportIsRefusedInTheReadersLanguageAndStoresNothing() throws Exception {
		JuniorFixtures.Graduate g = fixtures.graduate("页面乙");

		MockHttpServletResponse chinese = mvc
			.perform(
					post("/junior/report").param("version", "0").param("text", " ").with(user(g.family())).with(csrf()))
			.andReturn()
			.getResponse();
		MockHttpServletResponse english = mvc
			.perform(post("/junior/report").param("version", "0")
				.param("text", "")
				.param("lang", "en")
				.with(user(g.family()))
				.with(csrf()))
			.andReturn()
			.getResponse();

		assertThat(chinese.getStatus()).isEqualTo(200);
		assertThat(chinese.getContentAsString()).contains("请填写内容", "text-problem");
		assertThat(english.getContentAsString()).contains("Please write something.");
		assertThat(reports(g)).isZero();
	}

	@Test
	void aStaleConfirmationTellsTheFamilyTheDataChanged() throws Exception {
		JuniorFixtures.Graduate g = fixtures.graduate("页面丙");

		MockHttpServletResponse stale = mvc
			.perform(post("/junior/confirm").param("version", "3").with(user(g.family())).with(csrf()))
			.andReturn()
			.getResponse();
		MockHttpServletResponse report = mvc.perform(
				post("/junior/report").param("version", "3").param("text", "班级有误").with(user(g.family())).with(csrf()))
			.andReturn()
			.getResponse();

		assertThat(stale.getRedirectedUrl()).isEqualTo("/junior");
		assertThat(report.getContentAsString()).contains("已有变动", "班级有误");
		assertThat(confirmations.ofFamily(g.family()).orElseThrow().state())
			.isEqualTo(ConfirmationStatus.State.TO_CONFIRM);
		assertThat(reports(g)).isZero();
	}

	@Test
	void aBadNewlyArrivedRegistrationKeepsWhatWasTypedAndSaysWhy() throws Exception {
		long before = jdbc.sql("select count(*) from junior_newly_arrived").query(Long.class).single();

		String page = mvc
			.perform(post("/district/junior/newly-arrived").param("proofKind", "HUKOU")
				.param("proofReference", "H9")
				.param("childIdNumber", "110101200501011234")
				.param("name", "页面丁")
				.param("guardianName", "页面丁妈妈")
				.param("mobile", "13912345678")
				.with(user(JuniorFixtures.officer("110101")))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("证明编号为4到40位", "页面丁妈妈", "13912345678");
		assertThat(jdbc.sql("select count(*) from junior_newly_arrived").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aTeacherOfAnotherSchoolCannotOpenTheReport() throws Exception {
		JuniorFixtures.Graduate g = fixtures.graduate("页面戊");
		ErrorReport report = confirmations.reportError(g.family(), 0, "性别有误");

		int own = mvc
			.perform(get("/school/junior/corrections/" + report.id())
				.with(user(JuniorFixtures.teacher(JuniorFixtures.SCHOOL))))
			.andReturn()
			.getResponse()
			.getStatus();
		MockHttpServletResponse other = mvc
			.perform(get("/school/junior/corrections/" + report.id())
				.with(user(JuniorFixtures.teacher(JuniorFixtures.OTHER_SCHOOL))))
			.andReturn()
			.getResponse();

		assertThat(own).isEqualTo(200);
		assertThat(other.getStatus()).isEqualTo(403);
		assertThat(other.getContentAsString()).doesNotContain("页面戊", "性别有误");
	}

	private long reports(JuniorFixtures.Graduate g) {
		return jdbc.sql("select count(*) from junior_error_report where education_id = ?")
			.param(g.educationId())
			.query(Long.class)
			.single();
	}

}
