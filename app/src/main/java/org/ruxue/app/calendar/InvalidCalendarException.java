package org.ruxue.app.calendar;

/**
 * A calendar edit that cannot be accepted; the message key and its arguments let the web
 * layer say why in the user's language.
 */
public class InvalidCalendarException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	public InvalidCalendarException(String messageKey, Object... arguments) {
		super(messageKey);
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
