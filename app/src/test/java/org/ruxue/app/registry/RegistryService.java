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
 * docs/registry.md, that can be told to answer slowly, fail and recover: the graduates it
 * holds, page by page (R-J1), and the new enrollments handed over to it (R-G3), which it
 * applies once per batch (a repeated idempotency key gets the first answer) and once per
 * version, and lists page by page.
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

	/**
	 * Takes a batch of enrollments as usual, then answers with this status and no body:
	 * the answer is lost on the way.
	 */
	record TakesThenSays(int status) implements Behaviour {

	}

	private final HttpServer server;

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	private final List<Map<String, Object>> graduates = new CopyOnWriteArrayList<>();

	private final Queue<Behaviour> next = new ConcurrentLinkedQueue<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private volatile Behaviour usually = new Answers();

	/** The enrollments held, by year, level and key, in the order first taken. */
	private final Map<String, Map<String, Object>> enrollments = new LinkedHashMap<>();

	/** The answer to each batch taken, by its idempotency key. */
	private final Map<String, String> answers = new LinkedHashMap<>();

	private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();

	private final Map<String, String> refusals = new java.util.concurrent.ConcurrentHashMap<>();

	private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();

	private volatile String outcome = "ACKNOWLEDGED";

	private int references;

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

	/** Refuses the enrollment with this key, with the reason. */
	void refuses(String key, String reason) {
		refusals.put(key, reason);
	}

	void acceptsAgain(String key) {
		refusals.remove(key);
	}

	/**
	 * Takes enrollments without acknowledging them (RECEIVED), or acknowledges them (the
	 * default).
	 */
	void answersEnrollmentsWith(String status) {
		outcome = status;
	}

	/** Holds an enrollment the platform did not hand over. */
	synchronized void holdsEnrollment(int year, String level, String key, int version, String reference) {
		Map<String, Object> held = new LinkedHashMap<>();
		held.put("key", key);
		held.put("version", version);
		held.put("reference", reference);
		held.put("schoolCode", "ELSEWHERE");
		held.put("applied", 1);
		enrollments.put(year + "|" + level + "|" + key, held);
	}

	/** Loses an enrollment it held. */
	synchronized void forgets(int year, String level, String key) {
		enrollments.remove(year + "|" + level + "|" + key);
	}

	/**
	 * How many times the enrollment was applied (taken in a version it did not hold), 0
	 * if never.
	 */
	synchronized int applied(int year, String level, String key) {
		Map<String, Object> held = enrollments.get(year + "|" + level + "|" + key);
		return (held != null) ? (int) held.get("applied") : 0;
	}

	synchronized Map<String, Object> enrollment(int year, String level, String key) {
		return enrollments.get(year + "|" + level + "|" + key);
	}

	/** The Idempotency-Key of every batch posted, in order, retries included. */
	List<String> idempotencyKeys() {
		return idempotencyKeys;
	}

	/** Every enrollment of every batch posted, as sent. */
	List<Map<String, Object>> received() {
		return received;
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
			boolean post = "POST".equals(exchange.getRequestMethod());
			requests.add(post ? "POST " + uri.getPath() : uri.getPath() + "?" + uri.getQuery());
			if (post) {
				idempotencyKeys.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
			}
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			authorizations.add((authorization != null) ? authorization : "");
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Behaviour behaviour = next.poll();
			switch ((behaviour != null) ? behaviour : usually) {
				case Answers answers -> send(exchange, 200, answer(exchange, uri, body));
				case AnswersAfter slowly -> {
					Thread.sleep(slowly.pause());
					send(exchange, 200, answer(exchange, uri, body));
				}
				case Says says -> send(exchange, says.status(), says.body());
				case TakesThenSays lost -> {
					answer(exchange, uri, body);
					send(exchange, lost.status(), "");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// the client gave up waiting
		}
	}

	private String answer(HttpExchange exchange, URI uri, String body) {
		if (!uri.getPath().endsWith("/v1/enrollments")) {
			return page(uri.getQuery());
		}
		if ("POST".equals(exchange.getRequestMethod())) {
			return take(exchange.getRequestHeaders().getFirst("Idempotency-Key"), body);
		}
		return enrollmentPage(uri.getQuery());
	}

	/**
	 * A batch of enrollments: the first answer again for a key it has seen, else each
	 * record applied unless refused or held in this version already.
	 */
	@SuppressWarnings("unchecked")
	private synchronized String take(String idempotencyKey, String body) {
		if (idempotencyKey != null && answers.containsKey(idempotencyKey)) {
			return answers.get(idempotencyKey);
		}
		Map<String, Object> batch = JsonMapper.shared().readValue(body, Map.class);
		List<Map<String, Object>> results = new ArrayList<>();
		for (Map<String, Object> record : (List<Map<String, Object>>) batch.get("enrollments")) {
			received.add(record);
			String key = (String) record.get("key");
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("key", key);
			if (refusals.containsKey(key)) {
				result.put("status", "REJECTED");
				result.put("reason", refusals.get(key));
				results.add(result);
				continue;
			}
			String id = batch.get("year") + "|" + batch.get("level") + "|" + key;
			int version = ((Number) record.get("version")).intValue();
			Map<String, Object> held = enrollments.get(id);
			if (held == null) {
				held = new LinkedHashMap<>();
				held.put("key", key);
				held.put("reference", "REG-" + (++references));
				held.put("applied", 0);
				held.put("version", 0);
				enrollments.put(id, held);
			}
			if ((int) held.get("version") < version) {
				held.put("version", version);
				held.put("schoolCode", record.get("schoolCode"));
				held.put("applied", (int) held.get("applied") + 1);
			}
			result.put("status", outcome);
			result.put("reference", held.get("reference"));
			results.add(result);
		}
		String answer = JsonMapper.shared().writeValueAsString(Map.of("results", results));
		if (idempotencyKey != null) {
			answers.put(idempotencyKey, answer);
		}
		return answer;
	}

	private synchronized String enrollmentPage(String query) {
		Map<String, String> params = params(query);
		String prefix = params.get("year") + "|" + params.get("level") + "|";
		List<Map<String, Object>> all = new ArrayList<>();
		enrollments.forEach((id, held) -> {
			if (id.startsWith(prefix)) {
				Map<String, Object> listed = new LinkedHashMap<>(held);
				listed.remove("applied");
				all.add(listed);
			}
		});
		int page = Integer.parseInt(params.get("page"));
		int size = Integer.parseInt(params.get("size"));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("page", page);
		answer.put("totalPages", Math.max(1, (all.size() + size - 1) / size));
		answer.put("enrollments",
				all.subList(Math.min(all.size(), page * size), Math.min(all.size(), (page + 1) * size)));
		return JsonMapper.shared().writeValueAsString(answer);
	}

	private static Map<String, String> params(String query) {
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			String[] kv = pair.split("=", 2);
			params.put(kv[0], kv[1]);
		}
		return params;
	}

	private String page(String query) {
		Map<String, String> params = params(query);
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
