package org.ruxue.app.opportunity;

import java.math.BigDecimal;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.SchoolLevel;
import org.ruxue.app.zoning.Schools;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's opportunity figures: three Haidian and two Dongcheng junior highs over 2015
 * to 2017, with quota places from a few well-known quality high schools. ILLUSTRATIVE
 * figures made up for the demo, not real statistics; the demo's pages say so
 * ({@code ruxue.opportunity.demo-figures}). Seeded once, under a lock, when no figures
 * exist.
 */
@Component
@Profile("demo")
@Order(50)
class DemoOpportunities implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOpportunities.class);

	private static final long SEED_LOCK = 0x72757875654F50L;

	private static final int FIRST_YEAR = 2015;

	/** A school's demo figures: graduates, share and per high school places, by year. */
	private record Demo(String district, int index, int[] graduates, double[] shares, List<Allotment> quotas) {

	}

	private record Allotment(String code, String name, int[] places) {

	}

	private static final List<Demo> DEMO = List.of(
			new Demo("110108", 0, new int[] { 312, 325, 331 }, new double[] { 38.5, 40.2, 41.7 },
					List.of(allot("RDFZ", "中国人民大学附属中学（人大附中）", 6, 7, 8), allot("BJ101", "北京一零一中学", 5, 5, 6),
							allot("QHFZ", "清华大学附属中学（清华附中）", 4, 5, 5), allot("BJSZ", "北京市第四中学（北京四中）", 2, 2, 3))),
			new Demo("110108", 1, new int[] { 248, 256, 240 }, new double[] { 22.1, 23.8, 25.0 },
					List.of(allot("RDFZ", "中国人民大学附属中学（人大附中）", 3, 4, 4), allot("BJ101", "北京一零一中学", 4, 4, 5),
							allot("QHFZ", "清华大学附属中学（清华附中）", 3, 3, 4))),
			new Demo("110108", 2, new int[] { 186, 192, 201 }, new double[] { 15.6, 17.2, 18.9 },
					List.of(allot("RDFZ", "中国人民大学附属中学（人大附中）", 2, 2, 3), allot("BJ101", "北京一零一中学", 3, 3, 3),
							allot("BJSZ", "北京市第四中学（北京四中）", 1, 1, 2))),
			new Demo("110101", 0, new int[] { 276, 281, 290 }, new double[] { 35.4, 36.9, 38.2 },
					List.of(allot("BJWZ", "北京市第五中学（北京五中）", 6, 6, 7), allot("BJEZ", "北京市第二中学（北京二中）", 5, 6, 6),
							allot("BJBZ", "北京市第八中学（北京八中）", 2, 3, 3), allot("BJSZ", "北京市第四中学（北京四中）", 2, 2, 2))),
			new Demo("110101", 1, new int[] { 158, 163, 170 }, new double[] { 19.8, 21.0, 22.6 },
					List.of(allot("BJWZ", "北京市第五中学（北京五中）", 3, 3, 4), allot("BJEZ", "北京市第二中学（北京二中）", 2, 3, 3),
							allot("BJBZ", "北京市第八中学（北京八中）", 1, 1, 2))));

	static final String ELIGIBILITY_ZH = """
			【演示文本，非正式政策】名额分配（校额到校）招生的报名条件：
			1. 具有本市正式学籍，且初中三年在同一所一般公办初中连续就读（学籍三年不变）；
			2. 中考成绩不低于当年名额分配批次的最低录取控制分数线；
			3. 综合素质评价合格。
			各优质高中分配到每所初中的名额以当年市、区教委公布的计划为准。""";

	static final String ELIGIBILITY_EN = """
			[Demo text, not official policy] Who may apply for quota places (名额分配, 校额到校):
			1. A student on the city's registry who spent all three junior-high years at the same general public \
			junior high;
			2. A senior-high entrance exam score at or above the minimum score of that year's quota batch;
			3. A satisfactory comprehensive quality assessment.
			The places each quality high school allots to a junior high are those the city and district publish \
			each year.""";

	private final Figures figures;

	private final Schools schools;

	private final HighSchoolOpportunities opportunities;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	DemoOpportunities(Figures figures, Schools schools, HighSchoolOpportunities opportunities, JdbcClient jdbc,
			TransactionTemplate transactions) {
		this.figures = figures;
		this.schools = schools;
		this.opportunities = opportunities;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer seeded = transactions.execute(tx -> {
			jdbc.sql("select pg_advisory_xact_lock(?)").param(SEED_LOCK).query((rs, n) -> null).list();
			if (!figures.schoolsWithFigures().isEmpty()) {
				return 0;
			}
			int schoolYears = 0;
			for (Demo demo : DEMO) {
				List<School> juniors = schools.inDistrict(demo.district())
					.stream()
					.filter(s -> s.level() == SchoolLevel.JUNIOR && s.publicSchool())
					.toList();
				if (demo.index() >= juniors.size()) {
					continue;
				}
				String code = juniors.get(demo.index()).code();
				for (int t = 0; t < demo.graduates().length; t++) {
					figures.saveYear(code, FIRST_YEAR + t, demo.graduates()[t], BigDecimal.valueOf(demo.shares()[t]));
					for (Allotment allotment : demo.quotas()) {
						figures.saveHighSchool(allotment.code(), allotment.name());
						figures.saveQuota(code, FIRST_YEAR + t, allotment.code(), allotment.places()[t]);
					}
					schoolYears++;
				}
			}
			if (opportunities.eligibility().version() == 0) {
				opportunities.changeEligibility(ELIGIBILITY_ZH, ELIGIBILITY_EN, 0, Actor.SYSTEM);
			}
			return schoolYears;
		});
		if (seeded != null && seeded > 0) {
			log.info("Demo: illustrative high-school opportunity figures for {} school-years (not real statistics)",
					seeded);
		}
	}

	private static Allotment allot(String code, String name, int... places) {
		return new Allotment(code, name, places);
	}

}
