package org.ruxue.app.opportunity;

import java.util.Arrays;
import java.util.List;

/**
 * What is wrong with one cell of an import row: the column's key and a message key of
 * {@code i18n/opportunity*.properties} with its arguments.
 */
record ImportProblem(String column, String messageKey, List<String> args) {

	ImportProblem {
		args = List.copyOf(args);
	}

	static ImportProblem of(String column, String messageKey, Object... args) {
		return new ImportProblem(column, messageKey, Arrays.stream(args).map(String::valueOf).toList());
	}

}
