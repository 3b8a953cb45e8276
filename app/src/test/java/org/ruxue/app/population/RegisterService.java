package org.ruxue.app.population;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A population register's JSON service on a loopback port, speaking the protocol of
 * docs/population.md, that can be told to answer slowly, fail, talk nonsense and recover.
 */
final class RegisterService implements AutoCloseable {

	/** How the service treats a request. */
	sealed interface Behaviour {

	}

	/** Answers by the protocol from the persons it holds. */
	record Answers() implements Behaviour {

	}

	/** Answers by the protocol, but only after a pause. */
	record AnswersAfter(Duration pause) implements Behaviour {

	}

	/** Answers with this status and body, whatever was asked. */
	record Says(int status, String body) implements Behaviour {

	}

	record Request(String method, String path, String contentType, String authorization, JsonNode body) {

	}

	private final HttpServer server;

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	private final Map<String, String> names = new ConcurrentHashMap<>();

	private final Queue<Behaviour> next = new ConcurrentLinkedQueue<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private volatile Behaviour usually = new Answers();

	private RegisterService() {
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

	static RegisterService start() {
		return new RegisterService();
	}

	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/register/");
	}

	RegisterService holds(IdCardNumber idNumber, String name) {
		names.put(idNumber.value(), name);
		return this;
	}

	/** From now on, behave like this. */
	void from(Behaviour behaviour) {
		next.clear();
		usually = behaviour;
	}

	/** Treat the next requests like this, one behaviour each, then as usual. */
	void next(Behaviour... behaviours) {
		next.addAll(List.of(behaviours));
	}

	List<Request> requests() {
		return requests;
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			JsonNode body = JsonMapper.shared().readTree(text);
			requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Content-Type"),
					exchange.getRequestHeaders().getFirst("Authorization"), body));
			Behaviour behaviour = next.poll();
			switch ((behaviour != null) ? behaviour : usually) {
				case Answers answers -> send(exchange, 200, answer(body));
				case AnswersAfter slowly -> {
					Thread.sleep(slowly.pause());
					send(exchange, 200, answer(body));
				}
				case Says says -> send(exchange, says.status(), says.body());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private String answer(JsonNode request) {
		String registered = names.get(request.get("idNumber").asString());
		String result = (registered == null) ? "NOT_FOUND"
				: registered.equals(request.get("name").asString()) ? "MATCH" : "NAME_MISMATCH";
		return "{\"result\":\"" + result + "\",\"checkedAt\":\"2017-05-10T09:00:00+08:00\"}";
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
