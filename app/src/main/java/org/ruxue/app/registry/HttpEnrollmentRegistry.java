package org.ruxue.app.registry;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ruxue.app.zoning.EntryLevel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code http} adapter: the student registry's JSON service (docs/registry.md).
 * {@code POST {baseUrl}/v1/enrollments} with a batch and an {@code Idempotency-Key}
 * header, answered by one result per record; {@code GET
 * {baseUrl}/v1/enrollments?year=&level=&page=&size=} lists what the registry holds, page
 * by page. Both go through {@link RegistryCalls}: a timeout, a failed connection or a 5xx
 * is tried again after a growing pause, with the same key, so that a batch the registry
 * took before its answer was lost is not applied twice. An answer without a result for
 * every record sent is outside the protocol. Logs name the batch by its key, never a
 * child.
 */
class HttpEnrollmentRegistry implements EnrollmentRegistry, AutoCloseable {

	static final String PATH = "/v1/enrollments";

	private static final Set<String> OUTCOMES = Set.of("ACKNOWLEDGED", "RECEIVED", "REJECTED");

	private final RegistryCalls calls;

	private final JsonMapper json = JsonMapper.shared();

	HttpEnrollmentRegistry(RegistryProperties.Http config) {
		if (!config.configured()) {
			throw new IllegalStateException("ruxue.registry.http.base-url is required for the http hand-off adapter");
		}
		this.calls = new RegistryCalls(config);
	}

	@Override
	public Delivery send(Batch batch) {
		Set<String> keys = new HashSet<>();
		batch.records().forEach(r -> keys.add(r.key()));
		HttpRequest request = calls.request(PATH)
			.header("Content-Type", "application/json; charset=utf-8")
			.header("Idempotency-Key", batch.idempotencyKey())
			.POST(HttpRequest.BodyPublishers.ofString(body(batch), StandardCharsets.UTF_8))
			.build();
		try {
			RegistryCalls.Answer answer = calls.call(request,
					"batch " + batch.idempotencyKey().substring(0, 12) + " of " + batch.year() + " " + batch.level(),
					a -> answersEvery(a, keys));
			List<Receipt> receipts = new ArrayList<>();
			for (JsonNode result : answer.body().get("results")) {
				receipts.add(new Receipt(result.get("key").asString(), Outcome.valueOf(result.get("status").asString()),
						text(result, "reference"), text(result, "reason")));
			}
			return new Delivery(receipts, answer.attempts());
		}
		catch (RegistryCalls.Failed failed) {
			throw new RegistryUnavailable(failed.reason(), failed.attempts());
		}
	}

	@Override
	public List<Held> list(int year, EntryLevel level) {
		List<Held> held = new ArrayList<>();
		int totalPages = 1;
		for (int page = 0; page < totalPages; page++) {
			HttpRequest request = calls
				.request(PATH + "?year=" + year + "&level=" + level + "&page=" + page + "&size="
						+ calls.config().pageSize())
				.GET()
				.build();
			JsonNode answer;
			try {
				answer = calls
					.call(request, "list page " + page + " of " + year + " " + level,
							HttpEnrollmentRegistry::listsEnrollments)
					.body();
			}
			catch (RegistryCalls.Failed failed) {
				throw new RegistryUnavailable(failed.reason(), failed.attempts());
			}
			totalPages = answer.get("totalPages").asInt();
			for (JsonNode e : answer.get("enrollments")) {
				held.add(new Held(e.get("key").asString(), e.get("version").asInt(), text(e, "reference"),
						text(e, "schoolCode")));
			}
		}
		return held;
	}

	@Override
	public void close() {
		calls.close();
	}

	private String body(Batch batch) {
		List<Map<String, Object>> records = new ArrayList<>(batch.records().size());
		for (Outgoing r : batch.records()) {
			Map<String, Object> record = new LinkedHashMap<>();
			record.put("key", r.key());
			record.put("version", r.version());
			record.put("educationId", r.educationId());
			record.put("name", r.name());
			record.put("idNumber", (r.idNumber() != null) ? r.idNumber().value() : null);
			record.put("sex", HandoffColumns.sex(r.sex()));
			record.put("birthDate", r.birthDate().toString());
			record.put("districtCode", r.districtCode());
			record.put("schoolCode", r.schoolCode());
			record.put("method", r.method());
			records.add(record);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("year", batch.year());
		body.put("level", batch.level().name());
		body.put("enrollments", records);
		return json.writeValueAsString(body);
	}

	/** {@code {"results": [{"key", "status", "reference"?, "reason"?}]}}, one per key. */
	private static boolean answersEvery(JsonNode answer, Set<String> keys) {
		JsonNode results = answer.get("results");
		if (!answer.isObject() || results == null || !results.isArray() || results.size() != keys.size()) {
			return false;
		}
		Set<String> answered = new HashSet<>();
		for (JsonNode result : results) {
			JsonNode key = result.get("key");
			JsonNode status = result.get("status");
			if (key == null || !key.isString() || status == null || !status.isString()
					|| !OUTCOMES.contains(status.asString()) || !keys.contains(key.asString())
					|| !answered.add(key.asString())) {
				return false;
			}
			if ("ACKNOWLEDGED".equals(status.asString()) && text(result, "reference") == null) {
				return false;
			}
		}
		return true;
	}

	/** {@code {"totalPages", "enrollments": [{"key", "version", "reference"?, ...}]}}. */
	private static boolean listsEnrollments(JsonNode answer) {
		if (!answer.isObject() || answer.get("enrollments") == null || !answer.get("enrollments").isArray()
				|| answer.get("totalPages") == null || !answer.get("totalPages").isIntegralNumber()) {
			return false;
		}
		for (JsonNode e : answer.get("enrollments")) {
			if (e.get("key") == null || !e.get("key").isString() || e.get("version") == null
					|| !e.get("version").isIntegralNumber()) {
				return false;
			}
		}
		return true;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull() || !value.isValueNode()) ? null : value.asString();
	}

}
