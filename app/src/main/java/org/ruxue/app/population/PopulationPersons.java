package org.ruxue.app.population;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/** The local register's store, {@code population_person}. */
@Repository
class PopulationPersons {

	/** The table's columns in the order of {@link PopulationCsv}, for COPY. */
	static final String COPY_COLUMNS = "(id_number, name, sex, birth_date, hukou_type, hukou_district_code, "
			+ "address_street_code, address)";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	PopulationPersons(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	Optional<String> nameOf(IdCardNumber idNumber) {
		return jdbc.sql("select name from population_person where id_number = ?")
			.param(idNumber.value())
			.query(String.class)
			.optional();
	}

	boolean isEmpty() {
		return !jdbc.sql("select exists (select 1 from population_person)").query(Boolean.class).single();
	}

	void insert(Person person) {
		jdbc.sql("""
				insert into population_person (id_number, name, sex, birth_date, hukou_type, hukou_district_code,
				  address_street_code, address)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(person.idNumber().value(), person.name(), person.sex().name(), Date.valueOf(person.birthDate()),
					person.hukouType().name(), person.hukouDistrictCode(), person.addressStreetCode(), person.address())
			.update();
	}

	/**
	 * Bulk load in the caller's transaction: the rows of a {@link PopulationCsv} file
	 * (header included), by COPY.
	 */
	long copy(Reader csv) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return copy(connection, "population_person", csv);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * Adds the persons of a {@link PopulationCsv} file in the caller's transaction on
	 * this connection; persons already in the register are kept as they are.
	 * @return the number of persons added
	 */
	static long add(Connection connection, Reader csv) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("create temporary table incoming_person (like population_person) on commit drop");
			copy(connection, "incoming_person", csv);
			return statement.executeUpdate(
					"insert into population_person select * from incoming_person on conflict (id_number) do nothing");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Adding persons to population_person failed: " + ex.getMessage(), ex);
		}
	}

	static long copy(Connection connection, String table, Reader csv) {
		try {
			return connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy " + table + " " + COPY_COLUMNS + " from stdin (format csv, header true)", csv);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY into " + table + " failed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
