package org.ruxue.app.registry;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.YearRules;
import org.ruxue.app.population.DemoGraduates;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's graduates (population's 2,000, R-J1) imported at start-up through the same
 * import as the city's, so that the junior-entry pages have students and families. Once:
 * an export already written is not imported again, and the import itself changes nothing
 * the second time.
 */
@Component
@Profile("demo")
@Order(42)
class DemoGraduateImport implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoGraduateImport.class);

	private final GraduateImports imports;

	private final EnrollmentCalendar calendar;

	private final JdbcClient jdbc;

	DemoGraduateImport(GraduateImports imports, EnrollmentCalendar calendar, JdbcClient jdbc) {
		this.imports = imports;
		this.calendar = calendar;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		int year = calendar.currentYear().orElse(2017);
		LocalDate ageCutoff = calendar.currentYear()
			.flatMap(calendar::rules)
			.map(YearRules::ageCutoff)
			.orElse(YearRules.defaultAgeCutoff(2017));
		byte[] export = DemoGraduates.exportCsv(ageCutoff);
		boolean imported = jdbc.sql("""
				select exists (select 1 from registry_import where source = 'DEMO' and status = 'WRITTEN'
				               and entry_year = ?)
				""").param(year).query(Boolean.class).single();
		if (imported) {
			return;
		}
		// two nodes starting together may both get here: the import's write lock and its
		// idempotence make the second one change nothing
		ImportJob job = imports.importNow(ImportJob.Source.DEMO, "demo-graduates.csv", export, year, Actor.SYSTEM);
		log.info("Demo: {} graduates imported for {} ({} with errors), {} family accounts", job.added(), year,
				job.rowsWithErrors(), job.accountsProvisioned());
	}

}
