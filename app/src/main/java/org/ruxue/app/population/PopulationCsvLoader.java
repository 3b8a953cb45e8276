package org.ruxue.app.population;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Loads a population-register CSV (the column order of {@code population_person},
 * docs/demo-data.md) into a database's register for the {@code local} adapter:
 * {@code java -jar ruxue.jar load-population FILE JDBC_URL}. One transaction; persons
 * already there are kept. Runs without Spring.
 */
public final class PopulationCsvLoader {

	static final String USAGE = "usage: load-population FILE jdbc:postgresql://HOST:5432/DB?user=USER";

	private PopulationCsvLoader() {
	}

	public static void main(String[] args) {
		if (args.length != 2) {
			System.err.println(USAGE);
			System.exit(2);
			return;
		}
		Path file = Path.of(args[0]);
		long start = System.nanoTime();
		long added = load(file, args[1]);
		System.out.printf("Added %d persons from %s to population_person in %.1f s%n", added, file,
				(System.nanoTime() - start) / 1e9);
	}

	/**
	 * Adds the persons of a population file to {@code population_person} in one
	 * transaction; persons already there (the demo's, an earlier load) are kept.
	 * @return the number of persons added
	 */
	static long load(Path populationFile, String jdbcUrl) {
		try (Connection connection = DriverManager.getConnection(jdbcUrl);
				Reader csv = Files.newBufferedReader(populationFile, StandardCharsets.UTF_8)) {
			connection.setAutoCommit(false);
			long added = PopulationPersons.add(connection, csv);
			connection.commit();
			return added;
		}
		catch (SQLException | IllegalStateException ex) {
			throw new IllegalStateException("Loading into " + jdbcUrl.replaceAll("password=[^&]*", "password=***")
					+ " failed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
