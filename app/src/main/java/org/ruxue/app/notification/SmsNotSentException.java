package org.ruxue.app.notification;

/**
 * A gateway did not take a text. {@code permanent} when trying again cannot help (the
 * gateway refused the number or the content): the message fails at once.
 */
class SmsNotSentException extends Exception {

	private final boolean permanent;

	SmsNotSentException(String message, boolean permanent, Throwable cause) {
		super(message, cause);
		this.permanent = permanent;
	}

	static SmsNotSentException temporary(String message, Throwable cause) {
		return new SmsNotSentException(message, false, cause);
	}

	static SmsNotSentException permanent(String message) {
		return new SmsNotSentException(message, true, null);
	}

	boolean isPermanent() {
		return permanent;
	}

}
