package org.ruxue.app.notification;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON webhook: POST {@code {"id", "to", "text"}} to the configured URL, with the
 * outbox id in the {@code Idempotency-Key} header so that the receiver can drop a repeat.
 * A 2xx answer means sent; 408, 429 and 5xx are tried again later; any other answer fails
 * the message for good.
 */
class HttpSmsGateway implements SmsGateway {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final NotificationProperties.Http config;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.shared();

	HttpSmsGateway(NotificationProperties.Http config) {
		if (config.url() == null) {
			throw new IllegalStateException("ruxue.notification.sms.http.url is required for the http gateway");
		}
		this.config = config;
		this.http = HttpClient.newBuilder()
			.connectTimeout(config.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public String send(Sms sms) throws SmsNotSentException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", sms.id());
		body.put("to", sms.to());
		body.put("text", sms.text());
		HttpRequest.Builder request = HttpRequest.newBuilder(config.url())
			.timeout(config.requestTimeout())
			.header("Content-Type", "application/json; charset=utf-8")
			.header(IDEMPOTENCY_KEY, Long.toString(sms.id()))
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
		if (!config.authorization().isBlank()) {
			request.header("Authorization", config.authorization());
		}
		HttpResponse<String> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw SmsNotSentException.temporary("HTTP gateway: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw SmsNotSentException.temporary("HTTP gateway: interrupted", ex);
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return messageId(response.body(), sms);
		}
		String message = "HTTP gateway answered " + status;
		if (status == 408 || status == 429 || status >= 500) {
			throw SmsNotSentException.temporary(message, null);
		}
		throw SmsNotSentException.permanent(message);
	}

	/** The receiver's {@code messageId} if it answers with one, else our own id. */
	private String messageId(String body, Sms sms) {
		try {
			JsonNode answer = json.readTree(body);
			if (answer != null && answer.hasNonNull("messageId")) {
				return answer.get("messageId").asString();
			}
		}
		catch (JacksonException ex) {
			// an empty or non-JSON 2xx answer still means accepted
		}
		return "http-" + sms.id();
	}

}
