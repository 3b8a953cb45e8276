package org.ruxue.app.permits;

import java.util.List;
import java.util.Locale;

/**
 * One document a district requires for a year (R-P15): what the family fills in and how
 * many scans it uploads.
 */
public record RequiredDocument(int position, String code, String name, String nameEn, List<Field> fields, int minScans,
		int maxScans) {

	public RequiredDocument {
		fields = List.copyOf(fields);
	}

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : name;
	}

	/** A detail the family fills in; a DATE is an ISO date. */
	public record Field(String label, String labelEn, boolean required, FieldKind kind) {

		public String label(Locale locale) {
			return "en".equals(locale.getLanguage()) ? labelEn : label;
		}

	}

	public enum FieldKind {

		TEXT, DATE

	}

}
