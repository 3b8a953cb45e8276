package org.ruxue.app.registry;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.ruxue.app.spreadsheet.SpreadsheetReader;

/**
 * The student registry's JSON service (R-J1, docs/registry.md): the graduates of a year,
 * page by page, {@code GET {baseUrl}/v1/graduates?year=&page=&size=} answered by
 * {@code {"page", "totalPages", "graduates": [...]}}. Each page is tried again after a
 * timeout, a failed connection or a 5xx, after a growing pause, up to a bounded number of
 * attempts; a 4xx or an answer outside the protocol is not, since asking again would get
 * the same. Whatever goes wrong ends the fetch with {@link ImportRefused} and the reason,
 * never with part of the graduates: an import is all the pages or nothing. No circuit
 * breaker: one fetch is one run of the city's, not a stream of requests.
 */
class HttpStudentRegistry implements AutoCloseable {

	static final String PATH = "/v1/graduates";

	private static final Logger log = LoggerFactory.getLogger(HttpStudentRegistry.class);

	private final RegistryProperties.Http config;

	private final Duration attemptDeadline;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.shared();

	HttpStudentRegistry(RegistryProperties.Http config) {
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

	/**
	 * Every graduate of the year, as rows: first the header (the column keys), then one
	 * row per graduate numbered from 1 in the service's order.
	 * @throws ImportRefused when a page cannot be had, or there are more than maxRows
	 */
	List<SpreadsheetReader.Row> graduates(int year, int maxRows, IntConsumer progress) {
		List<SpreadsheetReader.Row> rows = new ArrayList<>();
		rows.add(new SpreadsheetReader.Row(0, GraduateColumns.KEYS));
		int totalPages = 1;
		for (int page = 0; page < totalPages; page++) {
			JsonNode answer = page(year, page);
			totalPages = answer.get("totalPages").asInt();
			for (JsonNode graduate : answer.get("graduates")) {
				if (rows.size() > maxRows) {
					throw new ImportRefused("registry.import.refused.rows", maxRows);
				}
				rows.add(new SpreadsheetReader.Row(rows.size(), cells(graduate)));
			}
			progress.accept(rows.size() - 1);
		}
		return rows;
	}

	@Override
	public void close() {
		http.shutdownNow();
	}

	private static List<String> cells(JsonNode graduate) {
		List<String> cells = new ArrayList<>(GraduateColumns.KEYS.size());
		for (String key : GraduateColumns.KEYS) {
			JsonNode value = graduate.get(camel(key));
			cells.add((value == null || value.isNull() || value.isContainer()) ? "" : value.asString().strip());
		}
		return cells;
	}

	/** education_id → educationId, guardian_mobile → guardianMobile. */
	static String camel(String key) {
		StringBuilder name = new StringBuilder(key.length());
		boolean upper = false;
		for (char c : key.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name.toString();
	}

	private JsonNode page(int year, int page) {
		HttpRequest request = request(year, page);
		String failure = null;
		for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
			if (attempt > 1) {
				pause(config.backoff().multipliedBy(1L << Math.min(attempt - 2, 10)));
			}
			Outcome outcome = attempt(request);
			if (outcome.answer() != null) {
				return outcome.answer();
			}
			failure = outcome.failure();
			log.warn("Student registry page {} of {} attempt {}/{} failed: {}", page, year, attempt,
					config.maxAttempts(), failure);
			if (!outcome.retryable()) {
				break;
			}
		}
		throw new ImportRefused("registry.import.refused.service", failure);
	}

	private HttpRequest request(int year, int page) {
		String base = config.baseUrl().toString().replaceAll("/+$", "");
		URI uri = URI.create(base + PATH + "?year=" + year + "&page=" + page + "&size="
				+ URLEncoder.encode(Integer.toString(config.pageSize()), StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(attemptDeadline)
			.header("Accept", "application/json")
			.GET();
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
			throw new ImportRefused("registry.import.refused.service", "interrupted");
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
			if (answer == null || !answer.isObject() || answer.get("graduates") == null
					|| !answer.get("graduates").isArray() || answer.get("totalPages") == null
					|| !answer.get("totalPages").isIntegralNumber()) {
				return Outcome.stop("HTTP " + status + " outside the protocol");
			}
			return new Outcome(answer, null, false);
		}
		catch (JacksonException ex) {
			return Outcome.stop("HTTP " + status + " with a body that is not JSON");
		}
	}

	private static void pause(Duration pause) {
		try {
			Thread.sleep(pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ImportRefused("registry.import.refused.service", "interrupted");
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
