package org.ruxue.app.zoning;

/**
 * What a parent typed into a lookup cannot be used. The message key names the explanation
 * in the visitor's language (i18n/zoning*.properties); the exception's own message is the
 * English text, for logs.
 */
public class InvalidZoneQuery extends IllegalArgumentException {

	private final String messageKey;

	private final transient Object[] arguments;

	InvalidZoneQuery(String messageKey, String english, Object... arguments) {
		super(english);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

}
