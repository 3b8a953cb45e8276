package org.ruxue.app.permits;

import java.util.List;

/**
 * Why one field or upload was refused: a message key of i18n/permits*.properties and its
 * arguments, shown next to the field in the reader's language.
 *
 * @param field the form field, or "form" for the whole page
 */
public record PermitProblem(String field, String messageKey, List<Object> arguments) {

	public PermitProblem {
		arguments = List.copyOf(arguments);
	}

	static PermitProblem of(String field, String messageKey, Object... arguments) {
		return new PermitProblem(field, messageKey, List.of(arguments));
	}

}
