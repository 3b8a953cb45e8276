package org.ruxue.app.junior;

/**
 * A step of a transfer application was refused and nothing was written. The message key
 * (i18n/junior*.properties) tells the reader why, in their language.
 *
 * @see #field() the form field at fault, or "form" for the whole page
 */
public class TransferRefused extends RuntimeException {

	private final String field;

	private final String messageKey;

	TransferRefused(String field, String messageKey) {
		super("Transfer step refused: " + messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}

}
