package org.ruxue.app;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.ruxue.app.DatabaseLocation.Source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The resolution order of DESIGN.md, each branch with the probes it depends on. */
class DatabaseLocatorTest {

	private static final DatabaseLocation EMBEDDED = new DatabaseLocation("localhost", 54321, "ruxue", "", "postgres",
			null, Source.EMBEDDED);

	private final Map<String, String> settings = new HashMap<>();

	private boolean localServer = true;

	private boolean root = false;

	private final AtomicBoolean embeddedStarted = new AtomicBoolean();

	private DatabaseLocation locate() {
		return new DatabaseLocator(settings::get, hostAndPort -> localServer, () -> root, () -> {
			embeddedStarted.set(true);
			return EMBEDDED;
		}).locate();
	}

	@Test
	void databaseUrlComesFirstEvenWhenALocalServerRuns() {
		settings.put("DATABASE_URL", "postgresql://enrol:s%40cret@db.example:6543/city?sslmode=require");
		settings.put("spring.datasource.url", "jdbc:postgresql://other:5432/other");

		DatabaseLocation location = locate();

		assertThat(location.source()).isEqualTo(Source.CONFIGURED);
		assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/city?sslmode=require");
		assertThat(location.user()).isEqualTo("enrol");
		assertThat(location.password()).isEqualTo("s@cret");
		assertThat(embeddedStarted).isFalse();
	}

	@Test
	void springDatasourcePropertiesAreTheSecondWayToConfigure() {
		settings.put("spring.datasource.url", "jdbc:postgresql://pg.internal/ruxue_prod");
		settings.put("spring.datasource.username", "app");
		settings.put("spring.datasource.password", "pw");

		DatabaseLocation location = locate();

		assertThat(location.source()).isEqualTo(Source.CONFIGURED);
		assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://pg.internal:5432/ruxue_prod");
		assertThat(location.user()).isEqualTo("app");
		assertThat(location.password()).isEqualTo("pw");
	}

	@Test
	void hostingPlatformsPostgresSchemeIsAccepted() {
		settings.put("DATABASE_URL", "postgres://u:p@h/");

		assertThat(locate().jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/ruxue");
	}

	@Test
	void rejectsAnUrlThatIsNotPostgresqlWithoutEchoingThePassword() {
		settings.put("DATABASE_URL", "mysql://user:topsecret@h/db");

		assertThatThrownBy(this::locate).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("postgresql://USER:PASSWORD@HOST:5432/ruxue")
			.hasMessageNotContaining("topsecret");
	}

	@Test
	void usesTheLocalServerWhenNothingIsConfigured() {
		DatabaseLocation location = locate();

		assertThat(location.source()).isEqualTo(Source.LOCAL_SERVER);
		assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/ruxue");
		assertThat(embeddedStarted).isFalse();
	}

	@Test
	void startsTheEmbeddedServerWhenNoLocalServerAnswers() {
		localServer = false;

		assertThat(locate()).isEqualTo(EMBEDDED);
		assertThat(embeddedStarted).isTrue();
	}

	@Test
	void asRootWithoutAnyServerStopsWithOneLineSayingWhatToDo() {
		localServer = false;
		root = true;

		assertThatThrownBy(this::locate).isInstanceOf(DatabaseLocator.NoDatabaseException.class)
			.hasMessageContaining("DATABASE_URL=postgresql://")
			.hasMessageNotContaining("\n");
		assertThat(embeddedStarted).isFalse();
	}

	@Test
	void theProbeSeesWhetherAPortAnswers() {
		assertThat(DatabaseConfiguration.reachable("127.0.0.1:1")).isFalse();
	}

}
