package org.ruxue.app.junior;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.spreadsheet.SpreadsheetReader;

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

	@Autowired
	NewlyArrived newlyArrived;

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

	@Test
	void rJ5_theNewlyArrivedListSortsFiltersAndDownloadsTheSelectedRowsMasked() throws Exception {
		SignedIn officer = JuniorFixtures.officer("110105");
		List<IdCardNumber> children = List.of(arrive("表格甲", "TBL-SORT-1", 1, officer),
				arrive("表格乙", "TBL-SORT-3", 2, officer), arrive("表格丙", "TBL-SORT-2", 3, officer));

		String page = mvc
			.perform(get("/district/junior/newly-arrived").param("filter", "tbl-sort")
				.param("sort", "proofReference")
				.param("dir", "desc")
				.with(user(officer)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		MockHttpServletResponse download = mvc
			.perform(get("/district/junior/newly-arrived").param("filter", "tbl-sort")
				.param("sort", "proofReference")
				.param("dir", "desc")
				.param("format", "xlsx")
				.with(user(officer)))
			.andReturn()
			.getResponse();

		assertThat(page).contains("符合条件 3 条", "students-download");
		assertThat(page.indexOf("TBL-SORT-3")).isPositive().isLessThan(page.indexOf("TBL-SORT-2"));
		assertThat(page.indexOf("TBL-SORT-2")).isLessThan(page.indexOf("TBL-SORT-1"));
		assertThat(download.getContentType()).startsWith("application/vnd.openxmlformats");
		assertThat(download.getHeader("Content-Disposition")).contains("newly-arrived-110105-");
		List<SpreadsheetReader.Row> rows = SpreadsheetReader.read(download.getContentAsByteArray(), 100, n -> {
		});
		assertThat(rows.getFirst().cells()).containsExactly("教育ID", "姓名", "身份证号", "核验的证明", "证明编号", "登记时间");
		assertThat(rows.subList(1, rows.size())).extracting(r -> r.cells().get(4))
			.containsExactly("TBL-SORT-3", "TBL-SORT-2", "TBL-SORT-1");
		assertThat(rows.subList(1, rows.size())).extracting(r -> r.cells().get(1)).containsOnly("表**");
		assertThat(rows.subList(1, rows.size())).extracting(r -> r.cells().get(3)).containsOnly("户口簿（已迁入本区）");
		for (IdCardNumber child : children) {
			assertThat(rows).as("the ID number is masked in the download as on the page")
				.allSatisfy(r -> assertThat(r.cells()).doesNotContain(child.value()));
			assertThat(page).doesNotContain(child.value());
		}
	}

	private IdCardNumber arrive(String name, String reference, int day, SignedIn officer) {
		IdCardNumber child = fixtures.register.newPerson(name, "110105", LocalDate.of(2005, 9, day), "110105", false);
		newlyArrived.register(new NewlyArrivedForm("HUKOU", reference, child.value(), name, name + "家长",
				JuniorFixtures.freshMobile()), officer);
		return child;
	}

	private long reports(JuniorFixtures.Graduate g) {
		return jdbc.sql("select count(*) from junior_error_report where education_id = ?")
			.param(g.educationId())
			.query(Long.class)
			.single();
	}

}
