package org.ruxue.app.registry;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.spreadsheet.SpreadsheetReader;
import org.ruxue.app.zoning.EntryLevel;

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
 * R-G3 on the city administrator's page: counts by status per level, a send only after
 * its confirmation and then its report, the exports as files, the reconciliation as a
 * table and as CSV, in Chinese and in English; refused to a district officer.
 */
@IntegrationTest
class HandoffPagesTest {

	static final SignedIn CITY = new SignedIn(AccountId.random(), "handoff-page-city", "市教委", Role.CITY_ADMIN, null,
			null);

	static final SignedIn OFFICER = new SignedIn(AccountId.random(), "handoff-page-dc", "东城区教委", Role.DISTRICT_OFFICER,
			"110101", null);

	@Autowired
	MockMvc mvc;

	@Autowired
	EnrollmentHandoffs handoffs;

	@Autowired
	JdbcClient jdbc;

	private final int year = Enrollments.freshYear();

	private List<Enrollment> enrollments;

	@BeforeEach
	void threeJuniorStudents() {
		Enrollments.schools(jdbc);
		enrollments = Enrollments.juniors(year, 3);
		handoffs.record(enrollments, EnrollmentHandoffsTest.CITY);
	}

	@Test
	void rG3_theCountsByStatusAndASendAfterItsConfirmation() throws Exception {
		String page = html(get("/admin/registry/handoff").param("year", Integer.toString(year)));

		assertThat(page).contains("新生学籍移交", "待发送", "本地副本", "入学记录号");
		assertThat(page).containsPattern("id=\"counts-JUNIOR\"[\\s\\S]*?data-status=\"PENDING\">3<");

		String confirmation = html(
				post("/admin/registry/handoff/send").param("year", Integer.toString(year)).param("level", "JUNIOR"));

		assertThat(confirmation).contains("将发送 3 名新生", "id=\"confirm-send\"");
		assertThat(handoffs.counts(year, EntryLevel.JUNIOR).get(HandoffStatus.PENDING))
			.as("nothing sent before the confirmation")
			.isEqualTo(3);

		String report = html(post("/admin/registry/handoff/send").param("year", Integer.toString(year))
			.param("level", "JUNIOR")
			.param("confirmed", "yes"));

		assertThat(report).contains("本次发送 3 名（1 批）：已确认 3 名");
		assertThat(report).containsPattern("id=\"counts-JUNIOR\"[\\s\\S]*?data-status=\"ACKNOWLEDGED\">3<");
		assertThat(html(post("/admin/registry/handoff/send").param("year", Integer.toString(year))
			.param("level", "JUNIOR")
			.param("confirmed", "yes"))).contains("没有需要发送的记录");
	}

	@Test
	void rG3_theExportDownloadsAsAFile() throws Exception {
		MockHttpServletResponse csv = mvc
			.perform(get("/admin/registry/handoff/export").param("year", Integer.toString(year))
				.param("level", "JUNIOR")
				.param("format", "csv")
				.with(user(CITY)))
			.andReturn()
			.getResponse();

		assertThat(csv.getStatus()).isEqualTo(200);
		assertThat(csv.getContentType()).startsWith("text/csv");
		assertThat(csv.getHeader("Content-Disposition")).contains("enrollments-" + year + "-junior.csv");
		assertThat(SpreadsheetReader.read(csv.getContentAsByteArray(), 10, n -> {
		})).hasSize(4);

		MockHttpServletResponse xlsx = mvc
			.perform(get("/admin/registry/handoff/export").param("year", Integer.toString(year))
				.param("level", "JUNIOR")
				.with(user(CITY)))
			.andReturn()
			.getResponse();

		assertThat(xlsx.getContentType()).startsWith("application/vnd.openxmlformats");
		assertThat(SpreadsheetReader.read(xlsx.getContentAsByteArray(), 10, n -> {
		}).get(1).cells()).contains(enrollments.get(0).key());
	}

	@Test
	void rG3_theReconciliationAsATableAndAsCsvInEitherLanguage() throws Exception {
		handoffs.send(year, EntryLevel.JUNIOR, EnrollmentHandoffsTest.CITY);
		jdbc.sql("delete from registry_handoff_copy where year = ? and enrollment_key = ?")
			.params(year, enrollments.get(1).key())
			.update();

		String page = html(get("/admin/registry/handoff/reconciliation").param("year", Integer.toString(year))
			.param("level", "JUNIOR"));

		assertThat(page).contains("已发送但学籍系统没有", enrollments.get(1).key());
		assertThat(page).doesNotContain(enrollments.get(0).name(), enrollments.get(1).idNumber().value());

		String english = html(get("/admin/registry/handoff/reconciliation").param("year", Integer.toString(year))
			.param("level", "JUNIOR")
			.param("lang", "en"));

		assertThat(english).contains("Reconciliation with the student registry", "Sent, missing at the registry");

		MockHttpServletResponse csv = mvc
			.perform(get("/admin/registry/handoff/reconciliation.csv").param("year", Integer.toString(year))
				.param("level", "JUNIOR")
				.with(user(CITY)))
			.andReturn()
			.getResponse();
		List<SpreadsheetReader.Row> rows = SpreadsheetReader.read(csv.getContentAsByteArray(), 10, n -> {
		});

		assertThat(rows.getFirst().cells()).startsWith("对账结果", "入学记录号");
		assertThat(rows).hasSize(4);
		assertThat(rows.subList(1, 4)).extracting(r -> r.cells().get(0))
			.containsExactly("已送达且一致", "已送达且一致", "已发送但学籍系统没有");
	}

	@Test
	void theHandoffIsTheCitysOnly() throws Exception {
		for (var request : List.of(get("/admin/registry/handoff"),
				get("/admin/registry/handoff/export").param("year", Integer.toString(year))
					.param("level", "JUNIOR")
					.param("format", "csv"),
				post("/admin/registry/handoff/send").param("year", Integer.toString(year))
					.param("level", "JUNIOR")
					.param("confirmed", "yes"))) {
			assertThat(mvc.perform(request.with(user(OFFICER)).with(csrf())).andReturn().getResponse().getStatus())
				.isEqualTo(403);
		}
		assertThat(handoffs.counts(year, EntryLevel.JUNIOR).get(HandoffStatus.PENDING)).isEqualTo(3);
	}

	private String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		MockHttpServletResponse response = mvc.perform(request.with(user(CITY)).with(csrf()).accept("text/html"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
