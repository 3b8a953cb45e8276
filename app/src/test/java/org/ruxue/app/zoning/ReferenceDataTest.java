package org.ruxue.app.zoning;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Districts and streets are in the database in every profile, once. */
@IntegrationTest
@Transactional
class ReferenceDataTest {

	@Autowired
	Districts districts;

	@Autowired
	Schools schools;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	org.ruxue.app.DatabaseLocation location;

	@Test
	void holdsBeijingsSixteenDistricts() {
		assertThat(districts.all()).hasSize(16).first().isEqualTo(new District("110101", "东城区"));
		assertThat(districts.byCode("110108")).contains(new District("110108", "海淀区"));
		assertThat(districts.byCode("110103")).as("崇文区 was merged into 东城区 in 2010").isEmpty();
	}

	@Test
	void holdsTheir349StreetsEachInItsDistrict() {
		List<Street> all = districts.all().stream().flatMap(d -> districts.streets(d.code()).stream()).toList();

		assertThat(all).hasSize(349).allSatisfy(street -> assertThat(street.code()).startsWith(street.districtCode()));
		assertThat(districts.streets("110101")).hasSize(17).contains(new Street("110101002", "景山街道", "110101"));
	}

	@Test
	void loadingAgainChangesNothing() {
		new ReferenceDataLoader(jdbc, transactions).load(AdministrativeDivisions.beijing2023());

		assertThat(jdbc.queryForObject("select count(*) from street", Long.class)).isEqualTo(349);
	}

	@Test
	void seedsTheDemoSchoolsOnce() {
		// on an empty school table, in a transaction that is rolled back: other tests
		// share
		// the database, and zones, students, transfers... refer to schools. Only the
		// schema's owner may empty it with what refers to it, so this runs as the owner.
		SingleConnectionDataSource owner = new SingleConnectionDataSource(location.jdbcUrl(), location.user(),
				location.password(), true);
		try {
			JdbcTemplate ownerJdbc = new JdbcTemplate(owner);
			TransactionTemplate ownerTransactions = new TransactionTemplate(new DataSourceTransactionManager(owner));
			ownerTransactions.executeWithoutResult(tx -> {
				ownerJdbc.execute("truncate school cascade");
				var seeder = new DemoSchoolSeeder(ownerJdbc, ownerTransactions);

				assertThat(seeder.seed()).isEqualTo(DemoSchools.all().size());
				assertThat(seeder.seed()).isZero();
				assertThat(ownerJdbc.queryForObject("select count(*) from school", Long.class))
					.isEqualTo(DemoSchools.all().size());
				assertThat(ownerJdbc.queryForObject("select count(*) from school where district_code = '110108'",
						Long.class))
					.isEqualTo(105);
				assertThat(ownerJdbc.queryForMap("select name, level, public from school where code = '110108-P001'"))
					.containsEntry("name", "北京市海淀区中关村第一小学")
					.containsEntry("level", "PRIMARY")
					.containsEntry("public", true);
				tx.setRollbackOnly();
			});
		}
		finally {
			owner.destroy();
		}
	}

}
