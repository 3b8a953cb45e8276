package org.ruxue.app.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The student registry's JSON service on a loopback port, speaking the protocol of
 * docs/registry.md, that can be told to answer slowly, fail and recover.
 */
final class RegistryService implements AutoCloseable {

	sealed interface Behaviour {

	}

	/** Answers by the protocol from the graduates it holds. */
	record Answers() implements Behaviour {

	}

	/** Answers by the protocol after a pause. */
	record AnswersAfter(Duration pause) implements Behaviour {

	}

	/** Answers with this status and body, whatever was asked. */
	record Says(int status, String body) implements Behaviour {

	}

	private final HttpServer server;

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	private final List<Map<String, Object>> graduates = new CopyOnWriteArrayList<>();

	private final Queue<Behaviour> next = new ConcurrentLinkedQueue<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private volatile Behaviour usually = new Answers();

	private RegistryService() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/", this::handle);
		server.setExecutor(threads);
		server.start();
	}

	static RegistryService start() {
		return new RegistryService();
	}

	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/registry/");
	}

	/** Holds a graduate given as a row of the export (Graduates' column order). */
	RegistryService holds(List<String> row) {
		Map<String, Object> graduate = new LinkedHashMap<>();
		for (int i = 0; i < GraduateColumns.KEYS.size(); i++) {
			graduate.put(HttpStudentRegistry.camel(GraduateColumns.KEYS.get(i)), row.get(i));
		}
		graduates.add(graduate);
		return this;
	}

	void from(Behaviour behaviour) {
		next.clear();
		usually = behaviour;
	}

	void next(Behaviour... behaviours) {
		next.addAll(List.of(behaviours));
	}

	/** The path and query of every request, in order. */
	List<String> requests() {
		return requests;
	}

	List<String> authorizations() {
		return authorizations;
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			URI uri = exchange.getRequestURI();
			requests.add(uri.getPath() + "?" + uri.getQuery());
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			authorizations.add((authorization != null) ? authorization : "");
			Behaviour behaviour = next.poll();
			switch ((behaviour != null) ? behaviour : usually) {
				case Answers answers -> send(exchange, 200, page(uri.getQuery()));
				case AnswersAfter slowly -> {
					Thread.sleep(slowly.pause());
					send(exchange, 200, page(uri.getQuery()));
				}
				case Says says -> send(exchange, says.status(), says.body());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// the client gave up waiting
		}
	}

	private String page(String query) {
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			String[] kv = pair.split("=", 2);
			params.put(kv[0], kv[1]);
		}
		int page = Integer.parseInt(params.get("page"));
		int size = Integer.parseInt(params.get("size"));
		int totalPages = Math.max(1, (graduates.size() + size - 1) / size);
		List<Map<String, Object>> shown = new ArrayList<>(graduates.subList(Math.min(graduates.size(), page * size),
				Math.min(graduates.size(), (page + 1) * size)));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("year", Integer.parseInt(params.get("year")));
		answer.put("page", page);
		answer.put("size", size);
		answer.put("totalPages", totalPages);
		answer.put("totalElements", graduates.size());
		answer.put("graduates", shown);
		return JsonMapper.shared().writeValueAsString(answer);
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
	}

}
