package org.ruxue.app.population;

/**
 * An ID-card number that cannot be a resident ID number; the reason says what to check,
 * and its message key lets the web layer say so in the user's language.
 */
public class InvalidIdCardNumberException extends IllegalArgumentException {

	private final Reason reason;

	InvalidIdCardNumberException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	/** e.g. {@code id-number.invalid.check-digit}. */
	public String messageKey() {
		return "id-number.invalid." + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	public enum Reason {

		/** Not 18 characters. */
		LENGTH,
		/** Not 17 digits followed by a digit or X. */
		CHARACTERS,
		/** Digits 7 to 14 are not a real date. */
		BIRTH_DATE,
		/** The last character does not match the others: most often a typo. */
		CHECK_DIGIT

	}

}
