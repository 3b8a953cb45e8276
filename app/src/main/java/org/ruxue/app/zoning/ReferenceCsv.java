package org.ruxue.app.zoning;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the reference files under {@code reference/} on the classpath: UTF-8, a header
 * row, fields quoted where the source quoted them (no field spans lines).
 */
final class ReferenceCsv {

	private final List<Map<String, String>> rows;

	private ReferenceCsv(List<Map<String, String>> rows) {
		this.rows = rows;
	}

	static ReferenceCsv read(String fileName) {
		String resource = "/reference/" + fileName;
		try (InputStream in = ReferenceCsv.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Reference file missing from the classpath: " + resource);
			}
			var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			List<String> header = fields(reader.readLine());
			List<Map<String, String>> rows = new ArrayList<>();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank()) {
					continue;
				}
				List<String> fields = fields(line);
				Map<String, String> row = new HashMap<>();
				for (int i = 0; i < header.size(); i++) {
					row.put(header.get(i), (i < fields.size()) ? fields.get(i) : "");
				}
				rows.add(row);
			}
			return new ReferenceCsv(List.copyOf(rows));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

	List<Map<String, String>> rows() {
		return rows;
	}

	/** RFC 4180 fields of one line: quotes around a field, doubled quotes inside it. */
	private static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

}
