package org.ruxue.app.registry;

import java.util.Arrays;
import java.util.List;

/**
 * What is wrong with one cell of an imported row: the column's key and a message key of
 * {@code i18n/registry*.properties} with its arguments, never the ID number itself.
 */
record ImportProblem(int row, String column, String messageKey, List<String> args) {

	ImportProblem {
		args = List.copyOf(args);
	}

	static ImportProblem of(int row, String column, String messageKey, Object... args) {
		return new ImportProblem(row, column, messageKey, Arrays.stream(args).map(String::valueOf).toList());
	}

}
