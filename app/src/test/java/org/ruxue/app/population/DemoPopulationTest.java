package org.ruxue.app.population;

import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.calendar.EnrollmentCalendar;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's register, seeded inside the test's transaction (rolled back afterwards): it
 * straddles the age cutoff, and a second start seeds nothing.
 */
@IntegrationTest
@Transactional
class DemoPopulationTest {

	@Autowired
	PopulationPersons persons;

	@Autowired
	EnrollmentCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	PopulationRegister register;

	@Test
	void seedsChildrenOnBothSidesOfTheCutoffTheirParentsAndGraduatesOnce() {
		jdbc.sql("delete from population_person").update();
		var demo = new DemoPopulation(persons, calendar, jdbc, transactions);

		long written = demo.seed();

		assertThat(written).isGreaterThan(DemoPopulation.CHILDREN + DemoPopulation.GRADUATES);
		assertThat(count("birth_date between '2010-09-01' and '2011-08-31'")).isEqualTo(1800);
		assertThat(count("birth_date between '2011-09-01' and '2012-08-31'")).isEqualTo(1050);
		assertThat(count("birth_date between '2009-09-01' and '2010-08-31'")).isEqualTo(150);
		assertThat(count("birth_date between '2004-09-01' and '2005-08-31'")).isEqualTo(DemoPopulation.GRADUATES);
		assertThat(count("hukou_type = 'NON_LOCAL'")).isPositive();
		assertThat(count("hukou_type = 'BEIJING_COLLECTIVE'")).isPositive();
		assertThat(demo.seed()).isZero();
	}

	@Test
	void aSeededPersonPassesTheRegistersCheck() {
		jdbc.sql("delete from population_person").update();
		new DemoPopulation(persons, calendar, jdbc, transactions).seed();
		var child = jdbc.sql("select id_number, name from population_person order by id_number limit 1")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();

		assertThat(register.verify(child[0], child[1])).isEqualTo(Verification.MATCH);
	}

	private long count(String condition) {
		return jdbc.sql("select count(*) from population_person where " + condition).query(Long.class).single();
	}

}
