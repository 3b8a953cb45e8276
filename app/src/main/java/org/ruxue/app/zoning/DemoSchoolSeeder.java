package org.ruxue.app.zoning;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts {@link DemoSchools} into the demo's database once: under a lock, so that two demo
 * nodes starting together seed once, and not at all when schools exist already.
 */
@Component
@Profile("demo")
@Order(20)
class DemoSchoolSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSchoolSeeder.class);

	/** Key of the advisory lock that serialises demo seeding of schools. */
	private static final long SEED_LOCK = 0x72757875655343L;

	private static final String INSERT = """
			insert into school (code, name, district_code, level, public, address, seats_per_year)
			values (?, ?, ?, ?, ?, ?, ?)
			on conflict do nothing
			""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	DemoSchoolSeeder(JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		seed();
	}

	/**
	 * @return the number of schools written, 0 when there were schools already
	 */
	int seed() {
		Integer written = transactions.execute(tx -> {
			jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, SEED_LOCK);
			if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from school)", Boolean.class))) {
				return 0;
			}
			var schools = DemoSchools.all();
			jdbc.batchUpdate(INSERT, schools, 500, (ps, school) -> {
				ps.setString(1, school.code());
				ps.setString(2, school.name());
				ps.setString(3, school.districtCode());
				ps.setString(4, school.level().name());
				ps.setBoolean(5, school.publicSchool());
				ps.setString(6, school.address());
				ps.setInt(7, school.seatsPerYear());
			});
			return schools.size();
		});
		if (written != null && written > 0) {
			log.info("Demo: {} schools", written);
		}
		return (written != null) ? written : 0;
	}

}
