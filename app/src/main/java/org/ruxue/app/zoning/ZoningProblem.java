package org.ruxue.app.zoning;

import java.util.List;

/**
 * Why data an officer entered or imported cannot be saved: the field and a message key of
 * {@code i18n/zoning*.properties} with its arguments, shown in the officer's language.
 *
 * @param field the form field or import column, e.g. code, seats_per_year; null for the
 * whole record
 */
public record ZoningProblem(String field, String messageKey, List<String> args) {

	public ZoningProblem {
		args = List.copyOf(args);
	}

	public static ZoningProblem of(String field, String messageKey, Object... args) {
		return new ZoningProblem(field, messageKey, java.util.Arrays.stream(args).map(String::valueOf).toList());
	}

}
