package org.ruxue.app.junior;

import java.util.List;

/**
 * A junior-entry request refused for a reason the user can act on: the field it concerns
 * ("form" for the page) and a message key with its arguments, resolved in the user's
 * language. Nothing was changed.
 */
public class JuniorRefused extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final List<String> arguments;

	public JuniorRefused(String field, String messageKey, String... arguments) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = List.of(arguments);
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}

	public List<String> arguments() {
		return arguments;
	}

}
