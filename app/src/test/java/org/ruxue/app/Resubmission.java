package org.ruxue.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.ruxue.app.identity.SignedIn;

import org.springframework.mock.web.MockMultipartFile;

/**
 * One form as a browser sends it, to be sent twice in a row with the very same body (the
 * first answer lost on a slow connection, or a double click), and what it records: the
 * state read before and after each sending tells whether the second wrote again.
 *
 * @param path the form's action
 * @param fields the form's fields, hidden ones (version, idempotency key) included
 * @param who who sends it through MockMvc; null for a visitor not signed in
 * @param browser a browser over real HTTP, with its cookies and session, where the form
 * is a step of a sequence kept in the session; null to send it through MockMvc
 * @param file the file a multipart form sends; null for a plain form
 * @param state what the form writes, read from the database (a count, a status and
 * version)
 */
public record Resubmission(String path, Map<String, String> fields, SignedIn who, Visitor browser,
		MockMultipartFile file, Supplier<Object> state) {

	/** A form with its fields as name and value, in turn. */
	public static Resubmission post(String path, SignedIn who, Supplier<Object> state, String... fields) {
		Map<String, String> all = new LinkedHashMap<>();
		for (int i = 0; i + 1 < fields.length; i += 2) {
			all.put(fields[i], fields[i + 1]);
		}
		return new Resubmission(path, all, who, null, null, state);
	}

	public static Resubmission post(String path, SignedIn who, Supplier<Object> state, Map<String, String> fields) {
		return new Resubmission(path, new LinkedHashMap<>(fields), who, null, null, state);
	}

	/** The form as the browser's current page sends it, with that page's CSRF token. */
	public Resubmission in(Visitor visitor) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		withToken.put("_csrf", visitor.csrf());
		return new Resubmission(path, withToken, who, visitor, file, state);
	}

	public Resubmission with(MockMultipartFile upload) {
		return new Resubmission(path, fields, who, browser, upload, state);
	}

}
