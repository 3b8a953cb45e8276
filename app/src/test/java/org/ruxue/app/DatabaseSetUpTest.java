package org.ruxue.app;

import java.sql.DriverManager;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.ruxue.app.DatabaseLocation.Source;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the real server: the database is created when missing and migrated from empty.
 */
@IntegrationTest
class DatabaseSetUpTest {

	@Autowired
	DatabaseLocation location;

	@Autowired
	Flyway flyway;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void theTestRunHasAFreshDatabaseOfItsOwnOnTheResolvedServer() {
		assertThat(location.source()).isIn(Source.LOCAL_SERVER, Source.CONFIGURED);
		assertThat(location.database()).startsWith("ruxue_test_");
		assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo(location.database());
	}

	@Test
	void everyMigrationRanOnTheEmptyDatabase() {
		var migrations = flyway.info().all();

		assertThat(migrations).isNotEmpty();
		assertThat(migrations).allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
		assertThat(flyway.info().pending()).isEmpty();
	}

	@Test
	void theApplicationWorksInItsRestrictedRoleNotAsTheSchemaOwner() {
		assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("ruxue_app");
	}

	@Test
	void createsAMissingDatabaseAndDropsItAgain() throws Exception {
		DatabaseLocation other = location
			.withDatabase("ruxue_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));

		DatabaseConfiguration.createIfMissing(other);
		DatabaseConfiguration.createIfMissing(other);
		assertThat(exists(other.database())).isTrue();

		DatabaseConfiguration.drop(other);
		assertThat(exists(other.database())).isFalse();
	}

	private boolean exists(String database) throws Exception {
		try (var connection = DriverManager.getConnection(location.jdbcUrlOf("postgres"), location.user(),
				location.password());
				var query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			query.setString(1, database);
			return query.executeQuery().next();
		}
	}

}
