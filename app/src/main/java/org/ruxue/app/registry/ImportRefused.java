package org.ruxue.app.registry;

import java.util.Arrays;
import java.util.List;

/**
 * The import as a whole cannot go on (not a spreadsheet, too many rows, no header, the
 * registry's service unavailable, data changed since the preview): a message key of
 * {@code i18n/registry*.properties} with its arguments.
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
