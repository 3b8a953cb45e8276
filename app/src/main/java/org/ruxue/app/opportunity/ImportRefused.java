package org.ruxue.app.opportunity;

import java.util.Arrays;
import java.util.List;

/**
 * The file as a whole cannot be imported (not a spreadsheet, too large, too many rows, no
 * header): a message key of {@code i18n/opportunity*.properties} with its arguments.
 */
class ImportRefused extends RuntimeException {

	private final String messageKey;

	private final List<String> args;

	ImportRefused(String messageKey, Object... args) {
		super(messageKey);
		this.messageKey = messageKey;
		this.args = Arrays.stream(args).map(String::valueOf).toList();
	}

	String messageKey() {
		return messageKey;
	}

	List<String> args() {
		return args;
	}

}
