package org.ruxue.app.opportunity;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditTrail;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.zoning.Schools;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ruxue.app.opportunity.OpportunityFixtures.CITY;
import static org.ruxue.app.opportunity.OpportunityFixtures.HAIDIAN_OFFICER;
import static org.ruxue.app.opportunity.OpportunityFixtures.HEADER;
import static org.ruxue.app.opportunity.OpportunityFixtures.csv;
import static org.ruxue.app.opportunity.OpportunityFixtures.publicJunior;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 10 (R-G1): the city imports each junior high's graduates, share entering a
 * quality high school and quota places: a preview first, errors per row with column and
 * message, nothing written while any row is wrong, a re-import changes nothing, a
 * school's year in the file replaces its quota places, and only the city imports.
 */
@IntegrationTest
class HighSchoolOpportunityImportTest {

	@Autowired
	OpportunityImports imports;

	@Autowired
	HighSchoolOpportunities opportunities;

	@Autowired
	Schools schools;

	@Autowired
	EnrollmentCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail trail;

	@Autowired
	MockMvc mvc;

	@Test
	void figuresArePreviewedThenWrittenOnConfirmAndTheSameFileAgainChangesNothing() {
		publicJunior(schools, "110108-HSI01", "北京市海淀区导入测试中学");
		byte[] file = csv(HEADER, "110108-HSI01,北京市海淀区导入测试中学,2016,300,40.5,T-RDFZ,人大附中,6",
				"110108-HSI01,,2016,300,40.5%,T-BJSZ,北京四中,3", "110108-HSI01,,2017,310,42,T-RDFZ,人大附中,7",
				"110108-HSI01,,2017,310,42,T-BJSZ,北京四中,2");

		ImportJob preview = finished(imports.start(CITY, "figures.csv", file));

		assertThat(preview.status()).isEqualTo(ImportJob.Status.READY);
		assertThat(preview.added()).isEqualTo(4);
		assertThat(preview.rowsWithErrors()).isZero();
		assertThat(opportunities.profile("110108-HSI01")).as("nothing is written before the confirmation").isEmpty();

		assertThat(imports.confirm(preview.id(), CITY)).isTrue();
		ImportJob written = finished(preview.id());

		assertThat(written.status()).isEqualTo(ImportJob.Status.WRITTEN);
		assertThat(written.rowsWritten()).isEqualTo(4);
		JuniorHighProfile profile = opportunities.profile("110108-HSI01").orElseThrow();
		assertThat(profile.years()).extracting(YearFigures::year).containsExactly(2016, 2017);
		YearFigures y2016 = profile.year(2016).orElseThrow();
		assertThat(y2016.graduates()).isEqualTo(300);
		assertThat(y2016.shareEntered()).isEqualByComparingTo("40.5");
		assertThat(y2016.totalPlaces()).isEqualTo(9);
		assertThat(y2016.placesPerGraduate()).isEqualByComparingTo("0.030");
		assertThat(profile.year(2017).orElseThrow().quotas()).containsExactly(new QuotaPlaces("T-RDFZ", "人大附中", 7),
				new QuotaPlaces("T-BJSZ", "北京四中", 2));
		assertThat(audited("opportunity.import.written", preview.id().toString())).isEqualTo(1);

		ImportJob again = finished(imports.start(CITY, "figures.csv", file));

		assertThat(again.unchanged()).isEqualTo(4);
		assertThat(again.added() + again.changed() + again.removed()).isZero();
		assertThat(again.confirmable()).isFalse();
		assertThat(imports.confirm(again.id(), CITY)).isFalse();
	}

	@Test
	void aSchoolsYearInTheFileReplacesItsQuotaPlaces() {
		publicJunior(schools, "110108-HSI02", "北京市海淀区替换测试中学");
		write(csv(HEADER, "110108-HSI02,,2017,200,30,T-RDFZ,人大附中,4", "110108-HSI02,,2017,200,30,T-BJBZ,北京八中,2"));

		ImportJob preview = finished(
				imports.start(CITY, "changed.csv", csv(HEADER, "110108-HSI02,,2017,210,30,T-RDFZ,人大附中,5")));

		assertThat(preview.changed()).isEqualTo(1);
		assertThat(preview.removed()).as("北京八中's places are not in the file any more").isEqualTo(1);
		assertThat(imports.rows(preview, PlannedRow.Action.CHANGE, 10).getFirst().difference())
			.isEqualTo("graduates: 200 → 210; places: 4 → 5");
		assertThat(imports.confirm(preview.id(), CITY)).isTrue();
		assertThat(finished(preview.id()).status()).isEqualTo(ImportJob.Status.WRITTEN);

		YearFigures year = opportunities.profile("110108-HSI02").orElseThrow().year(2017).orElseThrow();
		assertThat(year.graduates()).isEqualTo(210);
		assertThat(year.quotas()).containsExactly(new QuotaPlaces("T-RDFZ", "人大附中", 5));
	}

	@Test
	void rowErrorsNameTheRowAndColumnAndNothingIsWritten() {
		publicJunior(schools, "110108-HSI03", "北京市海淀区错误测试中学");
		OpportunityFixtures.privateJunior(schools, "110108-HSI04", "北京市海淀区民办测试中学");
		byte[] file = OpportunityFixtures.xlsx(HEADER.split(","),
				new String[] { "110108-HSI03", "", "2017", "100", "35.5", "T-RDFZ", "人大附中", "3" },
				new String[] { "110108-NONE", "", "2017", "100", "35.5", "T-RDFZ", "人大附中", "3" },
				new String[] { "110108-HSI04", "", "2017", "100", "35.5", "T-RDFZ", "人大附中", "3" },
				new String[] { "110108-HSI03", "", "2017", "120", "135", "T-BJSZ", "", "3" },
				new String[] { "110108-HSI03", "", "2017", "100", "35.5", "T-RDFZ", "人大附中", "2" },
				new String[] { "110108-HSI03", "别的学校", "2017", "100", "35.5", "T-BJ8", "北京八中", "很多" },
				new String[] { "110108-HSI03", "", "2016", "10", "35.5", "T-BJ9", "示例优质高中", "11" });

		ImportJob preview = finished(imports.start(CITY, "bad.xlsx", file));

		assertThat(preview.status()).isEqualTo(ImportJob.Status.READY);
		assertThat(preview.rowsWithErrors()).isEqualTo(6);
		assertThat(preview.added()).isEqualTo(1);
		assertThat(preview.confirmable()).isFalse();
		List<PlannedRow> errors = imports.rows(preview, PlannedRow.Action.ERROR, 10);
		assertThat(errors).extracting(PlannedRow::number).containsExactly(3, 4, 5, 6, 7, 8);
		assertThat(errors.get(0).problems())
			.containsExactly(ImportProblem.of("school_code", "opportunity.import.error.unknown-school", "110108-NONE"));
		assertThat(errors.get(1).problems()).containsExactly(ImportProblem.of("school_code",
				"opportunity.import.error.not-public-junior", "110108-HSI04", "北京市海淀区民办测试中学"));
		assertThat(errors.get(2).problems()).containsExactly(
				ImportProblem.of("share_entered", "opportunity.import.error.share", "135"),
				ImportProblem.of("high_school_name", "opportunity.import.error.quota-incomplete"),
				ImportProblem.of("graduates", "opportunity.import.error.year-differs", 2));
		assertThat(errors.get(3).problems())
			.containsExactly(ImportProblem.of("high_school_code", "opportunity.import.error.duplicate", 2));
		assertThat(errors.get(4).problems()).containsExactly(
				ImportProblem.of("school_name", "opportunity.import.error.school-name", "110108-HSI03", "北京市海淀区错误测试中学"),
				ImportProblem.of("places", "opportunity.import.error.number", "很多", 1, 1000));
		assertThat(errors.get(5).problems()).containsExactly(
				ImportProblem.of("high_school_name", "opportunity.import.error.sample"),
				ImportProblem.of("places", "opportunity.import.error.places-exceed-graduates", 11, 10));
		assertThat(imports.confirm(preview.id(), CITY)).isFalse();
		assertThat(opportunities.profile("110108-HSI03")).isEmpty();
	}

	@Test
	void aFileWithoutTheRequiredColumnsIsRefusedAsAWhole() {
		ImportJob job = finished(imports.start(CITY, "wrong.csv", csv("学校,年份", "110108-HSI01,2017")));

		assertThat(job.status()).isEqualTo(ImportJob.Status.REFUSED);
		assertThat(job.problemKey()).isEqualTo("opportunity.import.refused.header");
		assertThat(job.problemArgs()).containsExactly("初中学校代码、毕业生人数、进入优质高中比例（%）");
	}

	@Test
	void onlyTheCityImports() throws Exception {
		assertThatThrownBy(() -> imports.start(HAIDIAN_OFFICER, "figures.csv", csv(HEADER)))
			.isInstanceOf(AccessDeniedException.class);
		long before = jdbc.sql("select count(*) from opportunity_import").query(Long.class).single();

		mvc.perform(multipart("/admin/high-school-opportunities/import")
			.file(new MockMultipartFile("file", "figures.csv", "text/csv",
					csv(HEADER, "110108-HSI01,,2017,300,40,T-RDFZ,人大附中,6")))
			.with(csrf())
			.with(user(HAIDIAN_OFFICER))).andExpect(status().isForbidden());

		assertThat(jdbc.sql("select count(*) from opportunity_import").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void theEligibilityTextIsTheCitysToChangeAndGoesOnRecord() {
		Eligibility before = opportunities.eligibility();

		assertThatThrownBy(() -> opportunities.changeEligibility("  ", "x", before.version(), Actor.SYSTEM))
			.isInstanceOf(InvalidOpportunityQuery.class)
			.hasMessageContaining("opportunity.error.eligibility-required");
		assertThat(opportunities.changeEligibility("初中三年学籍在同一所学校。", "Three years at the same school.", before.version(),
				Actor.of("hs-city", "CITY_ADMIN")))
			.isTrue();
		assertThatThrownBy(() -> opportunities.changeEligibility("过期的版本", "", before.version(), Actor.SYSTEM))
			.isInstanceOf(InvalidOpportunityQuery.class)
			.hasMessageContaining("opportunity.error.eligibility-stale");

		Eligibility after = opportunities.eligibility();
		assertThat(after.textZh()).isEqualTo("初中三年学籍在同一所学校。");
		assertThat(after.text(java.util.Locale.ENGLISH)).isEqualTo("Three years at the same school.");
		assertThat(after.version()).isEqualTo(before.version() + 1);
		assertThat(audited("opportunity.eligibility.changed", Integer.toString(after.version()))).isEqualTo(1);
	}

	@Test
	void aComparisonHoldsAtMostFourSchools() {
		assertThatThrownBy(() -> opportunities.compare(List.of("a", "b", "c", "d", "e")))
			.isInstanceOf(InvalidOpportunityQuery.class)
			.hasMessageContaining("opportunity.error.compare-too-many");
		assertThatThrownBy(() -> opportunities.compare(List.of()))
			.hasMessageContaining("opportunity.error.compare-none");
	}

	private void write(byte[] file) {
		ImportJob preview = finished(imports.start(CITY, "setup.csv", file));
		assertThat(preview.rowsWithErrors()).as("the set-up file has no errors").isZero();
		assertThat(imports.confirm(preview.id(), CITY)).isTrue();
		assertThat(finished(preview.id()).status()).isEqualTo(ImportJob.Status.WRITTEN);
	}

	private ImportJob finished(UUID id) {
		return OpportunityFixtures.finished(imports, calendar, id);
	}

	private long audited(String action, String subject) {
		trail.seal();
		return jdbc.sql("select count(*) from audit_entry where action = ? and subject_id = ?")
			.params(action, subject)
			.query(Long.class)
			.single();
	}

	static BigDecimal decimal(String text) {
		return new BigDecimal(text);
	}

}
