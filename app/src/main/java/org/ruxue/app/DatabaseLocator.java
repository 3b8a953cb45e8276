package org.ruxue.app;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

import org.ruxue.app.DatabaseLocation.Source;

/**
 * Decides which PostgreSQL server ruxue uses, in the order DESIGN.md fixes:
 * {@code DATABASE_URL} or {@code spring.datasource.url}, then a server on localhost:5432,
 * then an embedded server (which refuses to run as root), else one clear line on how to
 * point ruxue at a server.
 *
 * <p>
 * The probes are injected so that every branch is testable on any machine.
 */
final class DatabaseLocator {

	static final String DEFAULT_DATABASE = "ruxue";

	private final Function<String, String> settings;

	private final Function<String, Boolean> serverReachable;

	private final Supplier<Boolean> runningAsRoot;

	private final Supplier<DatabaseLocation> embeddedServer;

	DatabaseLocator(Function<String, String> settings, Function<String, Boolean> serverReachable,
			Supplier<Boolean> runningAsRoot, Supplier<DatabaseLocation> embeddedServer) {
		this.settings = settings;
		this.serverReachable = serverReachable;
		this.runningAsRoot = runningAsRoot;
		this.embeddedServer = embeddedServer;
	}

	DatabaseLocation locate() {
		String configured = firstNonBlank(settings.apply("DATABASE_URL"), settings.apply("spring.datasource.url"));
		if (configured != null) {
			return parse(configured, settings.apply("spring.datasource.username"),
					settings.apply("spring.datasource.password"));
		}
		if (serverReachable.apply("localhost:5432")) {
			String user = firstNonBlank(settings.apply("PGUSER"), "postgres");
			return new DatabaseLocation("localhost", 5432, DEFAULT_DATABASE, "", user, settings.apply("PGPASSWORD"),
					Source.LOCAL_SERVER);
		}
		if (runningAsRoot.get()) {
			throw new NoDatabaseException();
		}
		return embeddedServer.get();
	}

	/**
	 * Accepts {@code jdbc:postgresql://host:port/db?…},
	 * {@code postgresql://user:pw@host:port/db} and {@code postgres://…} (the form
	 * hosting platforms hand out).
	 */
	static DatabaseLocation parse(String url, String user, String password) {
		String jdbc = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
		URI uri = URI.create(jdbc.replaceFirst("^postgres://", "postgresql://"));
		if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
			throw new IllegalArgumentException(
					"DATABASE_URL must look like postgresql://USER:PASSWORD@HOST:5432/ruxue, was: "
							+ url.replaceAll(":[^:@/]*@", ":***@"));
		}
		if (uri.getRawUserInfo() != null) {
			String[] parts = uri.getRawUserInfo().split(":", 2);
			user = decode(parts[0]);
			password = (parts.length > 1) ? decode(parts[1]) : password;
		}
		String path = (uri.getPath() == null) ? "" : uri.getPath().replaceFirst("^/", "");
		String database = path.isEmpty() ? DEFAULT_DATABASE : path;
		int port = (uri.getPort() > 0) ? uri.getPort() : 5432;
		String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
		return new DatabaseLocation(uri.getHost(), port, database, query, firstNonBlank(user, "postgres"), password,
				Source.CONFIGURED);
	}

	private static String decode(String part) {
		return URLDecoder.decode(part, StandardCharsets.UTF_8);
	}

	private static String firstNonBlank(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	/**
	 * No server anywhere, and the embedded one cannot run: the operator has to point us
	 * at one.
	 */
	static final class NoDatabaseException extends IllegalStateException {

		static final String MESSAGE = "No PostgreSQL server at localhost:5432, and the embedded server refuses to run as root: "
				+ "start one, or set DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/ruxue";

		NoDatabaseException() {
			super(MESSAGE);
		}

	}

}
