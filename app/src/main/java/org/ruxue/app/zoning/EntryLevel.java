package org.ruxue.app.zoning;

import java.util.Locale;

/**
 * The entry a service zone is drawn for: primary entry (幼升小) or junior entry (小升初).
 */
public enum EntryLevel {

	PRIMARY, JUNIOR;

	/** Reads "primary" or "junior" as the API and the forms write it. */
	public static EntryLevel parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "primary" -> PRIMARY;
			case "junior" -> JUNIOR;
			default ->
				throw new InvalidZoneQuery("zoning.error.level", "level is primary or junior, not " + text.strip());
		};
	}

}
