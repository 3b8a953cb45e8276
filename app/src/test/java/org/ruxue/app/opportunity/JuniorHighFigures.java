package org.ruxue.app.opportunity;

import java.math.BigDecimal;

import org.ruxue.app.zoning.Schools;

import org.springframework.stereotype.Component;

/**
 * A public junior high of Haidian with three years of figures and two high schools' quota
 * places, as an import writes them: for tests outside this module that open a school's
 * page (portal.AccessibilityBrowserTest).
 */
@Component
public class JuniorHighFigures {

	private final Figures figures;

	private final Schools schools;

	JuniorHighFigures(Figures figures, Schools schools) {
		this.figures = figures;
		this.schools = schools;
	}

	public void publicJuniorWithFigures(String code, String name) {
		OpportunityFixtures.publicJunior(schools, code, name);
		figures.saveHighSchool("B-RDFZ", "人大附中");
		figures.saveHighSchool("B-BJSZ", "北京四中");
		for (int year = 2015; year <= 2017; year++) {
			figures.saveYear(code, year, 230 + year % 10, new BigDecimal(21 + (year - 2015)));
			figures.saveQuota(code, year, "B-RDFZ", 4);
			figures.saveQuota(code, year, "B-BJSZ", 1 + (year - 2015));
		}
	}

}
