package org.ruxue.app.identity;

/** A password the policy refuses; the message is a key of i18n/identity. */
public class WeakPasswordException extends RuntimeException {

	public WeakPasswordException(String messageKey) {
		super(messageKey);
	}

	public String messageKey() {
		return getMessage();
	}

}
