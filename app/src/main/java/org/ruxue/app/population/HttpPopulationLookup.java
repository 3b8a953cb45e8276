package org.ruxue.app.population;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code http} adapter: asks a JSON service, {@code POST {baseUrl}/v1/verifications}
 * with {@code {"idNumber", "name"}}, answered by {@code 200 {"result": "MATCH" |
 * "NAME_MISMATCH" | "NOT_FOUND"}} (docs/population.md). Timeouts, connection failures and
 * 5xx are tried again after a growing pause, up to a bounded number of attempts; a 4xx or
 * an answer outside the protocol is not, since asking again would get the same. Every
 * attempt passes a {@link CircuitBreaker}, so that a service that keeps failing is left
 * alone for a while. Whatever goes wrong ends in {@link PopulationRegisterUnavailable},
 * never in a guessed answer. ID numbers reach the logs only masked.
 */
class HttpPopulationLookup implements PopulationLookup, AutoCloseable {

	static final String PATH = "/v1/verifications";

	private static final Logger log = LoggerFactory.getLogger(HttpPopulationLookup.class);

	private final URI endpoint;

	private final PopulationProperties.Http config;

	private final Duration attemptDeadline;

	private final CircuitBreaker breaker;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.shared();

	HttpPopulationLookup(PopulationProperties.Http config, InstantSource time) {
		if (config.baseUrl() == null) {
			throw new IllegalStateException("ruxue.population.http.base-url is required for the http adapter");
		}
		this.endpoint = URI.create(config.baseUrl().toString().replaceAll("/+$", "") + PATH);
		this.config = config;
		this.attemptDeadline = config.connectTimeout().plus(config.readTimeout());
		this.breaker = new CircuitBreaker("population-register", config.circuitBreaker().failureThreshold(),
				config.circuitBreaker().openFor(), time);
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(config.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public Verification verify(IdCardNumber idNumber, String name) {
		HttpRequest request = request(idNumber, name);
		int maxAttempts = config.retry().maxAttempts();
		Failure failure = null;
		for (int attempt = 1; attempt <= maxAttempts; attempt++) {
			if (attempt > 1) {
				pause(config.retry().backoffAfter(attempt - 1), idNumber);
			}
			if (!breaker.tryAcquire()) {
				throw new PopulationRegisterUnavailable("Population register circuit open, no request sent for "
						+ idNumber.masked() + ((failure != null) ? " (last failure: " + failure.reason() + ")" : ""));
			}
			Outcome outcome = attempt(request);
			if (outcome instanceof Answer answer) {
				breaker.succeeded();
				return answer.verification();
			}
			failure = (Failure) outcome;
			if (failure.serviceFault()) {
				breaker.failed();
			}
			else {
				breaker.succeeded();
			}
			log.warn("Population register attempt {}/{} for {} failed: {}", attempt, maxAttempts, idNumber.masked(),
					failure.reason());
			if (!failure.retryable()) {
				break;
			}
		}
		throw new PopulationRegisterUnavailable(
				"Population register unavailable for " + idNumber.masked() + ": " + failure.reason(), failure.cause());
	}

	CircuitBreaker.State circuitState() {
		return breaker.state();
	}

	@Override
	public void close() {
		http.shutdownNow();
	}

	private HttpRequest request(IdCardNumber idNumber, String name) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("idNumber", idNumber.value());
		body.put("name", (name != null) ? name.strip() : "");
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
			.timeout(attemptDeadline)
			.header("Content-Type", "application/json; charset=utf-8")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
		if (!config.authorization().isBlank()) {
			request.header("Authorization", config.authorization());
		}
		return request.build();
	}

	private Outcome attempt(HttpRequest request) {
		CompletableFuture<HttpResponse<String>> sent = http.sendAsync(request,
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		HttpResponse<String> response;
		try {
			// the deadline covers the body too, which the request's own timeout does not
			response = sent.get(attemptDeadline.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			sent.cancel(true);
			return Failure.transientFault("no answer within " + attemptDeadline.toMillis() + " ms", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof HttpTimeoutException) {
				return Failure.transientFault("no answer within " + attemptDeadline.toMillis() + " ms", cause);
			}
			return Failure.transientFault(cause.toString(), cause);
		}
		catch (InterruptedException ex) {
			sent.cancel(true);
			Thread.currentThread().interrupt();
			throw new PopulationRegisterUnavailable("Interrupted while asking the population register", ex);
		}
		return answer(response);
	}

	private Outcome answer(HttpResponse<String> response) {
		int status = response.statusCode();
		if (status >= 500) {
			return Failure.transientFault("HTTP " + status, null);
		}
		if (status < 200 || status >= 300) {
			return Failure.refused("HTTP " + status);
		}
		try {
			JsonNode answer = json.readTree(response.body());
			JsonNode result = (answer != null) ? answer.get("result") : null;
			if (result != null && result.isString()) {
				for (Verification verification : Verification.values()) {
					if (verification.name().equals(result.asString())) {
						return new Answer(verification);
					}
				}
			}
			return Failure.malformed("HTTP " + status + " without a known result", null);
		}
		catch (JacksonException ex) {
			return Failure.malformed("HTTP " + status + " with a body that is not JSON", ex);
		}
	}

	private static void pause(Duration pause, IdCardNumber idNumber) {
		try {
			Thread.sleep(pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PopulationRegisterUnavailable(
					"Interrupted while waiting to ask the population register again for " + idNumber.masked(), ex);
		}
	}

	private sealed interface Outcome permits Answer, Failure {

	}

	private record Answer(Verification verification) implements Outcome {

	}

	/**
	 * @param retryable whether asking again may get an answer
	 * @param serviceFault whether the service is failing (counts towards opening the
	 * circuit) rather than refusing this one request
	 */
	private record Failure(String reason, boolean retryable, boolean serviceFault, Throwable cause) implements Outcome {

		/** A timeout, a failed connection, a 5xx: the service may answer in a moment. */
		static Failure transientFault(String reason, Throwable cause) {
			return new Failure(reason, true, true, cause);
		}

		/**
		 * An answer outside the protocol: the service is broken and would say it again.
		 */
		static Failure malformed(String reason, Throwable cause) {
			return new Failure(reason, false, true, cause);
		}

		/** A 4xx: the service works but refuses the request, as it would again. */
		static Failure refused(String reason) {
			return new Failure(reason, false, false, null);
		}

	}

}
