package org.ruxue.app.opportunity;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.zoning.Schools;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.ruxue.app.opportunity.OpportunityFixtures.publicJunior;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 10 (R-G1, R-J6): the open API finds junior highs and answers one school's figures
 * over the years; bad queries are problem details; both endpoints are in the OpenAPI
 * description; the pages refuse a comparison of more than four schools with a message.
 */
@IntegrationTest
class HighSchoolOpportunityApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Schools schools;

	@Autowired
	Figures figures;

	@BeforeEach
	void aDongchengSchoolWithTwoYears() {
		publicJunior(schools, "110101-HSA01", "北京市东城区接口测试中学");
		figures.saveHighSchool("A-BJWZ", "北京五中");
		figures.saveHighSchool("A-BJEZ", "北京二中");
		figures.saveYear("110101-HSA01", 2016, 250, new BigDecimal("30.5"));
		figures.saveQuota("110101-HSA01", 2016, "A-BJWZ", 5);
		figures.saveYear("110101-HSA01", 2017, 200, new BigDecimal("33.0"));
		figures.saveQuota("110101-HSA01", 2017, "A-BJWZ", 6);
		figures.saveQuota("110101-HSA01", 2017, "A-BJEZ", 4);
	}

	@Test
	void findsTheSchoolByPartOfItsNameInItsDistrict() throws Exception {
		mvc.perform(get("/api/v1/high-school-opportunities").param("q", "接口 测试").param("district", "110101"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].code").value("110101-HSA01"))
			.andExpect(jsonPath("$[0].districtName").value("东城区"))
			.andExpect(jsonPath("$[0].latestYear").value(2017))
			.andExpect(jsonPath("$[0].quotaPlaces").value(10))
			.andExpect(jsonPath("$[0].placesPerGraduate").value(0.05))
			.andExpect(jsonPath("$[0].shareEntered").value(33.0));
		mvc.perform(get("/api/v1/high-school-opportunities").param("q", "接口测试").param("district", "110108"))
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void answersOneSchoolsQuotaPlacesOverTheYears() throws Exception {
		mvc.perform(get("/api/v1/high-school-opportunities/110101-HSA01"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("北京市东城区接口测试中学"))
			.andExpect(jsonPath("$.years[0].year").value(2016))
			.andExpect(jsonPath("$.years[0].placesPerGraduate").value(0.02))
			.andExpect(jsonPath("$.years[1].quotas[0].highSchoolName").value("北京五中"))
			.andExpect(jsonPath("$.years[1].quotas[0].places").value(6))
			.andExpect(jsonPath("$.years[1].quotas[1].highSchoolCode").value("A-BJEZ"))
			.andExpect(jsonPath("$.eligibility").exists());
	}

	@Test
	void badQueriesAreProblemDetails() throws Exception {
		mvc.perform(get("/api/v1/high-school-opportunities/110101-NONE"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/high-school-opportunities").param("district", "119999"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("区代码 119999 不存在。"));
	}

	@Test
	void theEndpointsAreInTheOpenApiDescription() throws Exception {
		mvc.perform(get("/api/v1/openapi"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/high-school-opportunities'].get.summary").exists())
			.andExpect(jsonPath("$.paths['/api/v1/high-school-opportunities/{code}'].get.summary").exists())
			.andExpect(jsonPath("$.components.schemas.SchoolOpportunities.properties.years.description")
				.value("Every year with figures, oldest first"))
			.andExpect(jsonPath("$.components.schemas.Year.properties.placesPerGraduate.description")
				.value("Quota places per graduate, e.g. 0.081"));
	}

	@Test
	void theComparisonPageRefusesMoreThanFourSchools() throws Exception {
		mvc.perform(get("/high-school-opportunities/compare").param("school", "a", "b", "c", "d", "e")
			.accept(MediaType.TEXT_HTML))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("最多只能同时对比 4 所学校，您选择了 5 所。")));
		mvc.perform(
				get("/high-school-opportunities/compare").param("school", "110101-HSA01").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("北京市东城区接口测试中学")));
	}

	@Test
	void theHomePageLinksTheQuery() throws Exception {
		mvc.perform(get("/").accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("id=\"home-opportunity\" href=\"/high-school-opportunities\"")));
	}

}
