package org.ruxue.app.registry;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditTrail;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A district officer's students (R-J1, R-G9): their own district's only, ID numbers
 * masked, every list page and every student opened on the record.
 */
@IntegrationTest
class DistrictStudentsTest {

	static final SignedIn DONGCHENG = new SignedIn(AccountId.random(), "reg-list-dc", "东城区教委", Role.DISTRICT_OFFICER,
			"110101", null);

	static final SignedIn XICHENG = new SignedIn(AccountId.random(), "reg-list-xc", "西城区教委", Role.DISTRICT_OFFICER,
			"110102", null);

	@Autowired
	GraduateImports imports;

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	List<String> dongcheng;

	List<String> xicheng;

	@BeforeEach
	void graduatesOfBothDistricts() {
		Graduates.schools(jdbc);
		dongcheng = Graduates.inDongcheng("名单东城");
		xicheng = Graduates.inXicheng("名单西城");
		imports.importNow(ImportJob.Source.FILE, "list.csv", Graduates.csv(dongcheng, xicheng), 2017, Actor.SYSTEM);
	}

	@Test
	void rJ1_anOfficerListsTheirDistrictsStudentsMaskedAndOnTheRecord() throws Exception {
		long before = entries("registry.list", "110101");

		String page = mvc.perform(get("/district/students").param("q", dongcheng.get(0)).with(user(DONGCHENG)))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("名单东城", dongcheng.get(2).substring(0, 6) + "********")
			.doesNotContain(dongcheng.get(2), "名单西城");
		assertThat(entries("registry.list", "110101")).isEqualTo(before + 1);
	}

	@Test
	void rJ1_anOfficerAskingForAnotherDistrictStillSeesTheirOwn() throws Exception {
		String page = mvc.perform(
				get("/district/students").param("district", "110101").param("q", dongcheng.get(0)).with(user(XICHENG)))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).doesNotContain("名单东城");
	}

	@Test
	void rG9_anOfficerOpensTheirStudentOnTheRecord_notAnotherDistricts() throws Exception {
		int own = mvc.perform(get("/district/students/" + dongcheng.get(0)).with(user(DONGCHENG)))
			.andReturn()
			.getResponse()
			.getStatus();
		int other = mvc.perform(get("/district/students/" + dongcheng.get(0)).with(user(XICHENG)))
			.andReturn()
			.getResponse()
			.getStatus();

		assertThat(own).isEqualTo(200);
		assertThat(other).isEqualTo(403);
		assertThat(entries("registry.read", dongcheng.get(0))).isEqualTo(1);
	}

	@Test
	void anOfficerSortsTheListInTheDatabaseAndDownloadsAllOfItMaskedAndOnTheRecord() throws Exception {
		String page = mvc
			.perform(get("/district/students").param("sort", "education-id").param("dir", "desc").with(user(DONGCHENG)))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		List<String> ids = java.util.regex.Pattern.compile("/district/students/([0-9A-Z]+)\"")
			.matcher(page)
			.results()
			.map(m -> m.group(1))
			.toList();
		assertThat(ids).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(page).contains("aria-sort=\"descending\"");
		long before = entries("registry.download", "110101");

		byte[] xlsx = mvc.perform(get("/district/students").param("format", "xlsx").with(user(DONGCHENG)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		List<List<String>> rows = org.ruxue.app.spreadsheet.SpreadsheetReader.read(xlsx, 1_000_000, n -> {
		}).stream().map(org.ruxue.app.spreadsheet.SpreadsheetReader.Row::cells).toList();
		long inDistrict = jdbc.sql("select count(*) from student where district_code = '110101'")
			.query(Long.class)
			.single();
		assertThat(rows).hasSize((int) inDistrict + 1);
		assertThat(rows).anySatisfy(row -> assertThat(row.get(0)).isEqualTo(dongcheng.get(0)))
			.noneSatisfy(row -> assertThat(row).contains(dongcheng.get(2)))
			.noneSatisfy(row -> assertThat(row.get(1)).startsWith("名单西城"));
		assertThat(entries("registry.download", "110101")).isEqualTo(before + 1);
	}

	private long entries(String action, String subject) {
		audit.seal();
		return jdbc.sql("select count(*) from audit_entry where action = ? and subject_id = ?")
			.params(action, subject)
			.query(Long.class)
			.single();
	}

}
