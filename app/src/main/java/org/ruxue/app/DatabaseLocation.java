package org.ruxue.app;

/**
 * Where ruxue's PostgreSQL database lives, and how that was decided (logged at start-up
 * so an operator sees which branch of the resolution order was taken).
 *
 * @param parameters the JDBC query string, with its leading {@code ?}, or empty
 */
public record DatabaseLocation(String host, int port, String database, String parameters, String user, String password,
		Source source) {

	/** The branches of the resolution order of DESIGN.md, in order. */
	public enum Source {

		CONFIGURED, LOCAL_SERVER, EMBEDDED

	}

	public String jdbcUrl() {
		return jdbcUrlOf(database);
	}

	/** The same server, another database: used to create or drop ours. */
	public String jdbcUrlOf(String otherDatabase) {
		return "jdbc:postgresql://" + host + ":" + port + "/" + otherDatabase + parameters;
	}

	public DatabaseLocation withDatabase(String otherDatabase) {
		return new DatabaseLocation(host, port, otherDatabase, parameters, user, password, source);
	}

	@Override
	public String toString() {
		return source + " " + jdbcUrl() + " as " + user;
	}

}
