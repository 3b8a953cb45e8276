package org.ruxue.app.identity;

/**
 * A mainland mobile number (11 digits, 1[3-9]…), the family's channel for codes (R-G6).
 */
public record MobileNumber(String value) implements java.io.Serializable {

	private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("1[3-9][0-9]{9}");

	private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s-]");

	public MobileNumber {
		if (value == null || !FORM.matcher(value).matches()) {
			throw new IllegalArgumentException("A mobile number is 11 digits starting with 13 to 19");
		}
	}

	/** Reads a number as typed: blanks, dashes and a +86 prefix dropped. */
	public static MobileNumber parse(String text) {
		String digits = (text != null) ? SEPARATORS.matcher(text).replaceAll("") : null;
		if (digits != null && digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		return new MobileNumber(digits);
	}

	/** The form for screens and messages: 138****5678. */
	public String masked() {
		return value.substring(0, 3) + "****" + value.substring(7);
	}

	@Override
	public String toString() {
		return masked();
	}

}
