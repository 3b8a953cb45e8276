package org.ruxue.app.primary;

import java.util.List;

/**
 * Why one field of the form was refused: a message key of i18n/primary*.properties and
 * its arguments, shown next to the field in the reader's language.
 *
 * @param field the form field, or "form" for the whole form
 */
public record FieldProblem(String field, String messageKey, List<Object> arguments) {

	public FieldProblem {
		arguments = List.copyOf(arguments);
	}

	static FieldProblem of(String field, String messageKey, Object... arguments) {
		return new FieldProblem(field, messageKey, List.of(arguments));
	}

}
