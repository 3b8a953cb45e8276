package org.ruxue.app.registry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls to the student registry's JSON service (docs/registry.md), shared by the graduate
 * fetch and the hand-off of new enrollments. A call is tried again after a timeout, a
 * failed connection or a 5xx, after a growing pause, up to a bounded number of attempts;
 * a 4xx or an answer outside the protocol is not, since asking again would get the same.
 * Each attempt has one deadline for the answer and its body. The same request goes out on
 * every attempt, headers included, so a POST carrying an idempotency key is the same
 * request each time.
 */
final class RegistryCalls implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RegistryCalls.class);

	private final RegistryProperties.Http config;

	private final Duration attemptDeadline;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.shared();

	RegistryCalls(RegistryProperties.Http config) {
		if (!config.configured()) {
			throw new IllegalStateException("ruxue.registry.http.base-url is not set");
		}
		this.config = config;
		this.attemptDeadline = config.connectTimeout().plus(config.readTimeout());
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(config.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	RegistryProperties.Http config() {
		return config;
	}

	/**
	 * A request to the service: {@code pathAndQuery} after the base URL, JSON accepted,
	 * the configured {@code Authorization} header, the attempt's deadline.
	 */
	HttpRequest.Builder request(String pathAndQuery) {
		String base = config.baseUrl().toString().replaceAll("/+$", "");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
			.timeout(attemptDeadline)
			.header("Accept", "application/json");
		if (!config.authorization().isBlank()) {
			request.header("Authorization", config.authorization());
		}
		return request;
	}

	/** The service's JSON answer and how many attempts it took. */
	record Answer(JsonNode body, int attempts) {

	}

	/**
	 * The call ended without an answer: the reason of its last attempt, and how many
	 * attempts were made (a request may have reached the service on each).
	 */
	static final class Failed extends RuntimeException {

		private final String reason;

		private final int attempts;

		Failed(String reason, int attempts) {
			super(reason);
			this.reason = reason;
			this.attempts = attempts;
		}

		String reason() {
			return reason;
		}

		int attempts() {
			return attempts;
		}

	}

	/**
	 * Sends the request until a 2xx answer that {@code inProtocol} accepts.
	 * @param what names the call in the log
	 * @throws Failed when no attempt got such an answer
	 */
	Answer call(HttpRequest request, String what, Predicate<JsonNode> inProtocol) {
		String failure = null;
		int attempt;
		for (attempt = 1; attempt <= config.maxAttempts(); attempt++) {
			if (attempt > 1) {
				pause(config.backoff().multipliedBy(1L << Math.min(attempt - 2, 10)), attempt - 1);
			}
			Outcome outcome = attempt(request, inProtocol, attempt);
			if (outcome.answer() != null) {
				return new Answer(outcome.answer(), attempt);
			}
			failure = outcome.failure();
			log.warn("Student registry {} attempt {}/{} failed: {}", what, attempt, config.maxAttempts(), failure);
			if (!outcome.retryable()) {
				break;
			}
		}
		throw new Failed(failure, Math.min(attempt, config.maxAttempts()));
	}

	@Override
	public void close() {
		http.shutdownNow();
	}

	private Outcome attempt(HttpRequest request, Predicate<JsonNode> inProtocol, int attempt) {
		CompletableFuture<HttpResponse<String>> sent = http.sendAsync(request,
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		HttpResponse<String> response;
		try {
			// the deadline covers the body too, which the request's own timeout does not
			response = sent.get(attemptDeadline.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			sent.cancel(true);
			return Outcome.retry("no answer within " + attemptDeadline.toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof HttpTimeoutException) {
				return Outcome.retry("no answer within " + attemptDeadline.toMillis() + " ms");
			}
			return Outcome.retry(String.valueOf(ex.getCause()));
		}
		catch (InterruptedException ex) {
			sent.cancel(true);
			Thread.currentThread().interrupt();
			throw new Failed("interrupted", attempt);
		}
		int status = response.statusCode();
		if (status >= 500) {
			return Outcome.retry("HTTP " + status);
		}
		if (status < 200 || status >= 300) {
			return Outcome.stop("HTTP " + status);
		}
		try {
			JsonNode answer = json.readTree(response.body());
			if (answer == null || !inProtocol.test(answer)) {
				return Outcome.stop("HTTP " + status + " outside the protocol");
			}
			return new Outcome(answer, null, false);
		}
		catch (JacksonException ex) {
			return Outcome.stop("HTTP " + status + " with a body that is not JSON");
		}
	}

	private static void pause(Duration pause, int attemptsMade) {
		try {
			Thread.sleep(pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Failed("interrupted", attemptsMade);
		}
	}

	private record Outcome(JsonNode answer, String failure, boolean retryable) {

		static Outcome retry(String failure) {
			return new Outcome(null, failure, true);
		}

		static Outcome stop(String failure) {
			return new Outcome(null, failure, false);
		}

	}

}
