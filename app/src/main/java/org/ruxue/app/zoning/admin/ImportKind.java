package org.ruxue.app.zoning.admin;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an import holds, with its columns in template order. A header cell names a column
 * by its Chinese or English heading or its key; a trailing * (required) and a note in
 * brackets are ignored.
 */
enum ImportKind {

	SCHOOLS(List.of(new Column("code", true), new Column("name", true), new Column("district_code", true),
			new Column("level", true), new Column("ownership", true), new Column("address", true),
			new Column("seats_per_year", true))),

	ADDRESSES(List.of(new Column("district_code", true), new Column("year", true), new Column("level", true),
			new Column("zone_name", true), new Column("school_code", true), new Column("lottery_school_codes", false),
			new Column("standard_text", true), new Column("building", false), new Column("aliases", false),
			new Column("multi_school_compound", false)));

	private final List<Column> columns;

	ImportKind(List<Column> columns) {
		this.columns = columns;
	}

	List<Column> columns() {
		return columns;
	}

	public String slug() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<ImportKind> ofSlug(String slug) {
		for (ImportKind kind : values()) {
			if (kind.slug().equals(slug)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

	/**
	 * @param key the column's key: its English heading and the suffix of its message key
	 * {@code zoning.import.column.<key>}
	 */
	record Column(String key, boolean required) {

	}

	/**
	 * How a header cell is compared: width, blanks, the * and a bracketed note removed.
	 */
	static String headerKey(String cell) {
		String text = Normalizer.normalize((cell == null) ? "" : cell, Normalizer.Form.NFKC);
		text = text.replaceAll("\\(.*?\\)", "").replaceAll("[\\s*_]", "");
		return text.toLowerCase(Locale.ROOT);
	}

}
