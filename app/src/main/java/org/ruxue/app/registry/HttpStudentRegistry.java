package org.ruxue.app.registry;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import tools.jackson.databind.JsonNode;

import org.ruxue.app.spreadsheet.SpreadsheetReader;

/**
 * The student registry's JSON service (R-J1, docs/registry.md): the graduates of a year,
 * page by page, {@code GET {baseUrl}/v1/graduates?year=&page=&size=} answered by
 * {@code {"page", "totalPages", "graduates": [...]}}, each page through
 * {@link RegistryCalls} (tried again after a timeout, a failed connection or a 5xx; not
 * after a 4xx or an answer outside the protocol). Whatever goes wrong ends the fetch with
 * {@link ImportRefused} and the reason, never with part of the graduates: an import is
 * all the pages or nothing. No circuit breaker: one fetch is one run of the city's, not a
 * stream of requests.
 */
class HttpStudentRegistry implements AutoCloseable {

	static final String PATH = "/v1/graduates";

	private final RegistryCalls calls;

	HttpStudentRegistry(RegistryProperties.Http config) {
		this.calls = new RegistryCalls(config);
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
		calls.close();
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
		HttpRequest request = calls
			.request(PATH + "?year=" + year + "&page=" + page + "&size="
					+ URLEncoder.encode(Integer.toString(calls.config().pageSize()), StandardCharsets.UTF_8))
			.GET()
			.build();
		try {
			return calls.call(request, "page " + page + " of " + year, HttpStudentRegistry::inProtocol).body();
		}
		catch (RegistryCalls.Failed failed) {
			throw new ImportRefused("registry.import.refused.service", failed.reason());
		}
	}

	private static boolean inProtocol(JsonNode answer) {
		return answer.isObject() && answer.get("graduates") != null && answer.get("graduates").isArray()
				&& answer.get("totalPages") != null && answer.get("totalPages").isIntegralNumber();
	}

}
