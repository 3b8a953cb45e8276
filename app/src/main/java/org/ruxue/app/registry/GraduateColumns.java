package org.ruxue.app.registry;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The columns of the student registry's graduate export (R-J1, docs/registry.md), in the
 * export's order: found in a file by their Chinese or English heading or their key, a
 * trailing * and a bracketed note ignored.
 */
@Component
class GraduateColumns {

	/** A column; key is its English key and the suffix of its message keys. */
	record Column(String key, boolean required) {

	}

	static final List<Column> ALL = List.of(new Column("education_id", true), new Column("name", true),
			new Column("id_number", true), new Column("sex", true), new Column("birth_date", true),
			new Column("school_code", true), new Column("class_name", false), new Column("district_code", true),
			new Column("hukou_district_code", false), new Column("guardian_name", false),
			new Column("guardian_mobile", true));

	/**
	 * The keys in the export's order, the header of rows fetched from the JSON service.
	 */
	static final List<String> KEYS = ALL.stream().map(Column::key).toList();

	private final MessageSource messages;

	GraduateColumns(MessageSource messages) {
		this.messages = messages;
	}

	String heading(String key, Locale locale) {
		return messages.getMessage("registry.import.column." + key, null, key, locale);
	}

	/**
	 * Which column of the file holds which column of the export.
	 * @throws ImportRefused when a required column is missing
	 */
	Map<String, Integer> find(List<String> header) {
		Map<String, String> names = new HashMap<>();
		for (Column column : ALL) {
			names.put(headerKey(column.key()), column.key());
			for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
				names.put(headerKey(heading(column.key(), locale)), column.key());
			}
		}
		Map<String, Integer> columns = new LinkedHashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String key = names.get(headerKey(header.get(i)));
			if (key != null) {
				columns.putIfAbsent(key, i);
			}
		}
		List<String> missing = ALL.stream()
			.filter(c -> c.required() && !columns.containsKey(c.key()))
			.map(c -> heading(c.key(), Locale.SIMPLIFIED_CHINESE))
			.toList();
		if (!missing.isEmpty()) {
			throw new ImportRefused("registry.import.refused.header", String.join("、", missing));
		}
		return columns;
	}

	static String headerKey(String heading) {
		if (heading == null) {
			return "";
		}
		String text = Normalizer.normalize(heading, Normalizer.Form.NFKC).strip();
		text = text.replaceAll("\\(.*\\)$", "").replaceAll("\\*$", "").strip();
		return text.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
	}

}
