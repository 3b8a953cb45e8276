package org.ruxue.app.population;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;

import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.YearRules;
import org.ruxue.app.zoning.AdministrativeCodes;
import org.ruxue.app.zoning.AdministrativeDivisions;
import org.ruxue.app.zoning.DemoSchools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's population register: children on both sides of the current year's age cutoff
 * (R-P2) and some over-age ones (R-P3), their parents, and the graduates entering junior
 * high, from a fixed seed. Seeded once, under a lock, and not at all when the register
 * holds anyone already.
 */
@Component
@Profile("demo")
@Order(30)
class DemoPopulation implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPopulation.class);

	static final long SEED = 2017L;

	static final int CHILDREN = 3_000;

	static final int GRADUATES = 2_000;

	/** Key of the advisory lock that serialises demo seeding of the register. */
	private static final long SEED_LOCK = 0x72757875655050L;

	private final PopulationPersons persons;

	private final EnrollmentCalendar calendar;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	DemoPopulation(PopulationPersons persons, EnrollmentCalendar calendar, JdbcClient jdbc,
			TransactionTemplate transactions) {
		this.persons = persons;
		this.calendar = calendar;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		seed();
	}

	/**
	 * @return the number of persons written, 0 when the register held persons already
	 */
	long seed() {
		Long written = transactions.execute(tx -> {
			jdbc.sql("select pg_advisory_xact_lock(?)").param(SEED_LOCK).query().singleRow();
			if (!persons.isEmpty()) {
				return 0L;
			}
			return persons.copy(new StringReader(csv(ageCutoff())));
		});
		if (written != null && written > 0) {
			log.info("Demo: {} persons in the population register", written);
		}
		return (written != null) ? written : 0;
	}

	/**
	 * The current year's cutoff, as the calendar has it; the source year's without one.
	 */
	private LocalDate ageCutoff() {
		return calendar.currentYear()
			.flatMap(calendar::rules)
			.map(YearRules::ageCutoff)
			.orElse(YearRules.defaultAgeCutoff(2017));
	}

	static String csv(LocalDate ageCutoff) {
		var population = new SyntheticPopulation(SEED, IdNumberIssuer.forDemo(), AdministrativeDivisions.beijing2023(),
				AdministrativeCodes.beijing(), DemoSchools.all());
		var text = new StringWriter(1 << 20);
		var csv = new CsvWriter(text);
		PopulationCsv.header(csv);
		for (int i = 0; i < CHILDREN; i++) {
			Applicant applicant = population.applicant(birthRange(i, ageCutoff));
			PopulationCsv.write(csv, applicant.child());
			applicant.parents().forEach(parent -> PopulationCsv.write(csv, parent.person()));
		}
		BirthRange graduating = BirthRange.graduating(ageCutoff);
		for (int i = 0; i < GRADUATES; i++) {
			PopulationCsv.write(csv, population.graduate(graduating).person());
		}
		return text.toString();
	}

	/** Of every 20 children: 12 of age, 7 a year too young, 1 a year over age. */
	private static BirthRange birthRange(int child, LocalDate ageCutoff) {
		int slot = child % 20;
		if (slot < 12) {
			return BirthRange.ofAge(ageCutoff);
		}
		return (slot < 19) ? BirthRange.tooYoung(ageCutoff) : BirthRange.overAge(ageCutoff);
	}

}
