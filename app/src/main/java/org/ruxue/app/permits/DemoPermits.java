package org.ruxue.app.permits;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.YearRules;
import org.ruxue.app.population.RegisteredChildren;
import org.ruxue.app.population.RegisteredChildren.RegisteredChild;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's study permits: 20 non-local children of the current year's cohort hold a
 * permit of the district they live in, so that a non-local registration can be tried
 * (R-P7). Seeded once; the children are printed at start-up.
 */
@Component
@Profile("demo")
@Order(45)
class DemoPermits implements ApplicationRunner {

	private final StudyPermits permits;

	private final RegisteredChildren children;

	private final EnrollmentCalendar calendar;

	private final JdbcClient jdbc;

	DemoPermits(StudyPermits permits, RegisteredChildren children, EnrollmentCalendar calendar, JdbcClient jdbc) {
		this.permits = permits;
		this.children = children;
		this.calendar = calendar;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		int year = calendar.currentYear().orElse(calendar.today().getYear());
		YearRules rules = calendar.rules(year).orElse(null);
		if (rules == null) {
			return;
		}
		List<RegisteredChild> cohort = children.nonLocalBornBetween(rules.ageCutoff().minusYears(1).plusDays(1),
				rules.ageCutoff(), 20);
		boolean seeded = jdbc.sql("select exists (select 1 from study_permit)").query(Boolean.class).single();
		if (!seeded) {
			for (RegisteredChild child : cohort) {
				permits.issue(child.idNumber(), child.name(), child.districtCode(), year, Actor.SYSTEM);
			}
		}
		StringBuilder text = new StringBuilder("=== ruxue demo study permits (non-local children, R-P7) ===\n");
		cohort.stream()
			.limit(3)
			.forEach(c -> text.append("  ID number " + c.idNumber().value() + ", child " + c.name() + ", district "
					+ c.districtCode() + "\n"));
		System.out.println(text);
	}

}
