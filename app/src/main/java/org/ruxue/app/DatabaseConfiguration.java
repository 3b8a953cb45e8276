package org.ruxue.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The datasource of DESIGN.md: resolved by {@link DatabaseLocator}, the database created
 * when missing, the schema migrated by its owner, and the application itself connected in
 * the restricted role {@code ruxue_app} — which, for instance, may not update or delete
 * audit entries.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	@Bean
	DatabaseLocation databaseLocation(Environment environment,
			@Value("${ruxue.database.ephemeral:false}") boolean ephemeral) {
		DatabaseLocator locator = new DatabaseLocator(environment::getProperty, DatabaseConfiguration::reachable,
				() -> "root".equals(System.getProperty("user.name")), DatabaseConfiguration::startEmbedded);
		DatabaseLocation location = locator.locate();
		if (ephemeral) {
			location = location
				.withDatabase("ruxue_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
		}
		createIfMissing(location);
		log.info("Database: {}", location);
		return location;
	}

	@Bean
	@Primary
	DataSource dataSource(DatabaseLocation location, @Value("${ruxue.database.app-role}") String appRole,
			@Value("${ruxue.database.pool-size:10}") int poolSize,
			@Value("${ruxue.database.connection-timeout:5s}") java.time.Duration connectionTimeout,
			@Value("${ruxue.database.ephemeral:false}") boolean ephemeral) {
		// Lazy: the first connection is made after Flyway has created the role.
		HikariDataSource pool = ephemeral ? new DroppedOnClose(location) : new HikariDataSource();
		pool.setJdbcUrl(location.jdbcUrl());
		pool.setUsername(location.user());
		pool.setPassword(location.password());
		pool.setMaximumPoolSize(poolSize);
		// a request that cannot get a connection in this time gets a 503 with Retry-After
		// (portal's DatabaseOutage) instead of holding its visitor for Hikari's 30 s
		pool.setConnectionTimeout(connectionTimeout.toMillis());
		pool.setPoolName("ruxue");
		pool.setConnectionInitSql("SET ROLE " + safe(appRole));
		return pool;
	}

	/** The schema owner: only Flyway connects as it. */
	@Bean(defaultCandidate = false)
	@FlywayDataSource
	DataSource flywayDataSource(DatabaseLocation location) {
		return new SimpleDriverDataSource(new org.postgresql.Driver(), location.jdbcUrl(), location.user(),
				location.password());
	}

	static boolean reachable(String hostAndPort) {
		String[] parts = hostAndPort.split(":");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static DatabaseLocation startEmbedded() {
		Path directory = Path.of(System.getProperty("user.home"), ".ruxue", "postgres");
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					log.warn("Embedded PostgreSQL did not stop cleanly: {}", ex.getMessage());
				}
			}));
			return new DatabaseLocation("localhost", postgres.getPort(), DatabaseLocator.DEFAULT_DATABASE, "",
					"postgres", null, DatabaseLocation.Source.EMBEDDED);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The embedded PostgreSQL server did not start: " + ex.getMessage(), ex);
		}
	}

	static void createIfMissing(DatabaseLocation location) {
		String name = safe(location.database());
		try (Connection connection = DriverManager.getConnection(location.jdbcUrlOf("postgres"), location.user(),
				location.password());
				var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, name);
			if (!exists.executeQuery().next()) {
				connection.createStatement().execute("create database " + name);
				log.info("Created database {}", name);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Cannot reach PostgreSQL at " + location.jdbcUrlOf("postgres") + ": " + ex.getMessage(), ex);
		}
	}

	static void drop(DatabaseLocation location) {
		try (Connection connection = DriverManager.getConnection(location.jdbcUrlOf("postgres"), location.user(),
				location.password())) {
			connection.createStatement()
				.execute("drop database if exists " + safe(location.database()) + " with (force)");
		}
		catch (SQLException ex) {
			log.warn("Could not drop database {}: {}", location.database(), ex.getMessage());
		}
	}

	private static String safe(String name) {
		if (!SAFE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Database and role names must match " + SAFE_NAME + ": " + name);
		}
		return name;
	}

	/** A test run's own database, dropped once its pool has closed. */
	static final class DroppedOnClose extends HikariDataSource {

		private final DatabaseLocation location;

		DroppedOnClose(DatabaseLocation location) {
			this.location = location;
		}

		@Override
		public void close() {
			super.close();
			drop(location);
		}

	}

}
