package org.ruxue.app.registry;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.YearRules;
import org.ruxue.app.identity.NewAccount;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.StaffAccounts;
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

	private final StaffAccounts staff;

	/** The password of every demo account (identity's demo accounts use the same). */
	private static final String DEMO_PASSWORD = "ruxue-demo-2017";

	DemoGraduateImport(GraduateImports imports, EnrollmentCalendar calendar, JdbcClient jdbc, StaffAccounts staff) {
		this.staff = staff;
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
		if (!imported) {
			importGraduates(year, export);
		}
		printJuniorEntry(year);
	}

	private void importGraduates(int year, byte[] export) {
		// two nodes starting together may both get here: the import's write lock and its
		// idempotence make the second one change nothing
		ImportJob job = imports.importNow(ImportJob.Source.DEMO, "demo-graduates.csv", export, year, Actor.SYSTEM);
		log.info("Demo: {} graduates imported for {} ({} with errors), {} family accounts", job.added(), year,
				job.rowsWithErrors(), job.accountsProvisioned());
	}

	/**
	 * A Dongcheng graduate to walk junior entry with: the family activates its account by
	 * SMS code (the log gateway and /dev/sms show it), and the graduating primary
	 * school's teacher, who answers error reports and starts transfers, gets a demo
	 * account.
	 */
	private void printJuniorEntry(int year) {
		jdbc.sql("""
				select s.education_id, s.name, s.mobile, s.school_code, sc.name as school_name from student s
				join school sc on sc.code = s.school_code
				where s.district_code = '110101' and s.entry_year = ? and s.mobile is not null
				order by s.education_id limit 1
				""").param(year).query((rs, n) -> {
			String school = rs.getString("school_code");
			String teacher = "school-" + school.toLowerCase(java.util.Locale.ROOT);
			if (!staff.exists(teacher)) {
				staff.create(new NewAccount(teacher, rs.getString("school_name"), Role.SCHOOL_STAFF, "110101", school),
						DEMO_PASSWORD, false, Actor.SYSTEM);
			}
			System.out
				.println("=== ruxue demo junior entry (小升初) ===\n  family: education ID " + rs.getString("education_id")
						+ ", child " + rs.getString("name") + ", activate at /family/activate with mobile "
						+ rs.getString("mobile") + " (the code is at /dev/sms)\n  graduating school's teacher: "
						+ teacher + ", password " + DEMO_PASSWORD + "\n");
			return school;
		}).optional();
	}

}
