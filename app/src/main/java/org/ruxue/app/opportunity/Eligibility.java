package org.ruxue.app.opportunity;

import java.time.Instant;
import java.util.Locale;

/**
 * The conditions for the quota places (for example three years in the same school's
 * registry, the quota batch's minimum score) as the city words them, in Chinese and
 * English.
 *
 * @param version the number of changes so far, so that two editors do not overwrite each
 * other
 */
public record Eligibility(String textZh, String textEn, int version, String updatedBy, Instant updatedAt) {

	/** The text in the reader's language; the Chinese one when no English was written. */
	public String text(Locale locale) {
		boolean english = locale != null && "en".equals(locale.getLanguage());
		return (english && !textEn.isBlank()) ? textEn : textZh;
	}

}
