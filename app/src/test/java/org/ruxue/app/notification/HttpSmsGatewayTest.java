package org.ruxue.app.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The JSON webhook against a real HTTP server on a loopback port. */
class HttpSmsGatewayTest {

	private HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicReference<Answer> answer = new AtomicReference<>(
			new Answer(200, "{\"messageId\":\"gw-1\"}", 0));

	private HttpSmsGateway gateway;

	record Received(String method, String contentType, String idempotencyKey, String authorization, JsonNode body) {

	}

	record Answer(int status, String body, long delayMillis) {

	}

	@BeforeEach
	void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/sms", this::handle);
		server.start();
		gateway = new HttpSmsGateway(new NotificationProperties.Http(
				URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms"), "Bearer test-token",
				Duration.ofSeconds(2), Duration.ofMillis(500)));
	}

	@AfterEach
	void stopServer() {
		server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
				exchange.getRequestHeaders().getFirst("Idempotency-Key"),
				exchange.getRequestHeaders().getFirst("Authorization"),
				JsonMapper.shared().readTree(new String(body, StandardCharsets.UTF_8))));
		Answer a = answer.get();
		try {
			Thread.sleep(a.delayMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
		if (out.length > 0) {
			exchange.getResponseBody().write(out);
		}
		exchange.close();
	}

	@Test
	void postsTheTextAsJsonWithTheOutboxIdAsIdempotencyKey() throws Exception {
		String messageId = gateway.send(new Sms(77, "13912345678", "【入学服务平台】您的账户已激活。"));

		assertThat(messageId).isEqualTo("gw-1");
		assertThat(received).singleElement().satisfies(r -> {
			assertThat(r.method()).isEqualTo("POST");
			assertThat(r.contentType()).startsWith("application/json");
			assertThat(r.idempotencyKey()).isEqualTo("77");
			assertThat(r.authorization()).isEqualTo("Bearer test-token");
			assertThat(r.body().get("id").asLong()).isEqualTo(77);
			assertThat(r.body().get("to").asString()).isEqualTo("13912345678");
			assertThat(r.body().get("text").asString()).isEqualTo("【入学服务平台】您的账户已激活。");
		});
	}

	@Test
	void anEmptySuccessStillCountsAsSent() throws Exception {
		answer.set(new Answer(204, "", 0));

		assertThat(gateway.send(new Sms(78, "13912345678", "text"))).isEqualTo("http-78");
	}

	@Test
	void triesAgainAfterAServerErrorOrThrottling() {
		for (int status : new int[] { 500, 503, 429, 408 }) {
			answer.set(new Answer(status, "", 0));
			assertThatExceptionOfType(SmsNotSentException.class)
				.isThrownBy(() -> gateway.send(new Sms(79, "13912345678", "text")))
				.matches(ex -> !ex.isPermanent(), "temporary after " + status);
		}
	}

	@Test
	void failsForGoodWhenTheRequestIsRefused() {
		answer.set(new Answer(400, "{\"error\":\"invalid number\"}", 0));

		assertThatExceptionOfType(SmsNotSentException.class)
			.isThrownBy(() -> gateway.send(new Sms(80, "1391234", "text")))
			.matches(SmsNotSentException::isPermanent);
	}

	@Test
	void givesUpWaitingAfterTheTimeout() {
		answer.set(new Answer(200, "{}", 2000));

		assertThatExceptionOfType(SmsNotSentException.class)
			.isThrownBy(() -> gateway.send(new Sms(81, "13912345678", "text")))
			.matches(ex -> !ex.isPermanent());
	}

	@Test
	void failsToStartWithoutAUrl() {
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> new HttpSmsGateway(
				new NotificationProperties.Http(null, "", Duration.ofSeconds(1), Duration.ofSeconds(1))));
	}

}
