package org.ruxue.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own, made with the machine's {@code initdb} in a
 * temporary directory on a free port, so that a test may stop and restart it without
 * touching the server every other test uses. As root it runs as the {@code postgres}
 * user, as PostgreSQL demands.
 */
public final class PrivatePostgres implements AutoCloseable {

	private final Path directory;

	private final Path bin;

	private final int port;

	private PrivatePostgres(Path directory, Path bin, int port) {
		this.directory = directory;
		this.bin = bin;
		this.port = port;
	}

	/**
	 * @throws IllegalStateException when the machine has no PostgreSQL server binaries
	 * (Debian's postgresql package: {@code .ci/run} installs it)
	 */
	public static PrivatePostgres start() throws IOException {
		Path bin = binaries();
		Path directory = Files.createTempDirectory("ruxue-pg-");
		PrivatePostgres server = new PrivatePostgres(directory, bin, freePort());
		if (asRoot()) {
			server.run(List.of("chown", "-R", "postgres", directory.toString()));
		}
		server.pg("initdb", "-D", server.data(), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync");
		server.startServer();
		return server;
	}

	public int port() {
		return port;
	}

	/** {@code postgresql://…} for the platform's {@code DATABASE_URL}. */
	public String url(String database) {
		return "postgresql://postgres@127.0.0.1:" + port + "/" + database;
	}

	/**
	 * Stops the server at once (in-flight transactions are aborted) and starts it again.
	 */
	public void restart() throws IOException {
		stop();
		startServer();
	}

	public void stop() throws IOException {
		pg("pg_ctl", "-D", data(), "-m", "fast", "-w", "stop");
	}

	public void startServer() throws IOException {
		pg("pg_ctl", "-D", data(), "-l", directory.resolve("log").toString(), "-w", "-o", "-p " + port + " -k "
				+ directory + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100", "start");
	}

	@Override
	public void close() throws IOException {
		try {
			pg("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
		}
		catch (IOException | IllegalStateException ex) {
			// already stopped
		}
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	private String data() {
		return directory.resolve("data").toString();
	}

	private void pg(String tool, String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		if (asRoot()) {
			command.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		command.add(bin.resolve(tool).toString());
		command.addAll(List.of(arguments));
		run(command);
	}

	private void run(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(directory.resolve("commands.log").toFile())
			.start();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("Failed: " + String.join(" ", command) + "\n"
						+ Files.readString(directory.resolve("commands.log")));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static Path binaries() throws IOException {
		Path versions = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(versions)) {
			try (Stream<Path> each = Files.list(versions)) {
				return each.map(v -> v.resolve("bin"))
					.filter(b -> Files.isExecutable(b.resolve("initdb")))
					.max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
					.orElseThrow(PrivatePostgres::missing);
			}
		}
		throw missing();
	}

	private static IllegalStateException missing() {
		return new IllegalStateException(
				"No PostgreSQL server binaries under /usr/lib/postgresql/*/bin: install Debian's postgresql package");
	}

	private static boolean asRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	/** A port nobody listens on now, on the loopback address. */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
