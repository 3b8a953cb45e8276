package org.ruxue.app.population;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A resident ID number (居民身份证号码, GB 11643-1999): a 6-digit administrative code, the birth
 * date, a 3-digit sequence whose last digit is odd for men, and a MOD 11-2 check
 * character. Which administrative codes are acceptable is the zoning module's
 * {@code AdministrativeCodes}; the number itself only guarantees its own form.
 * {@link #toString()} masks the number, so that it cannot leak into logs.
 */
public record IdCardNumber(String value) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK_CHARACTERS = "10X98765432";

	public IdCardNumber {
		if (value == null || value.length() != 18) {
			throw new InvalidIdCardNumberException(InvalidIdCardNumberException.Reason.LENGTH,
					"An ID number has 18 characters");
		}
		if (!digits(value, 17) || !(isDigit(value.charAt(17)) || value.charAt(17) == 'X')) {
			throw new InvalidIdCardNumberException(InvalidIdCardNumberException.Reason.CHARACTERS,
					"An ID number is 17 digits followed by a digit or X");
		}
		if (birthDateOf(value) == null) {
			throw new InvalidIdCardNumberException(InvalidIdCardNumberException.Reason.BIRTH_DATE,
					"Digits 7 to 14 of an ID number are the birth date, and " + value.substring(6, 14)
							+ " is not a date");
		}
		if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
			throw new InvalidIdCardNumberException(InvalidIdCardNumberException.Reason.CHECK_DIGIT,
					"The ID number does not add up: please compare every digit with the ID card");
		}
	}

	/** Reads a number as typed: surrounding blanks dropped, a lower-case x accepted. */
	public static IdCardNumber parse(String text) {
		return new IdCardNumber((text != null) ? text.strip().toUpperCase(java.util.Locale.ROOT) : null);
	}

	/**
	 * The number whose first 17 characters are given, completed by its check character.
	 */
	public static IdCardNumber withCheckDigit(String first17) {
		if (first17 == null || first17.length() != 17 || !digits(first17, 17)) {
			throw new IllegalArgumentException("The first 17 characters of an ID number are digits");
		}
		return new IdCardNumber(first17 + checkCharacter(first17));
	}

	public String addressCode() {
		return value.substring(0, 6);
	}

	public LocalDate birthDate() {
		return birthDateOf(value);
	}

	/** GB 11643-1999: the 17th digit is odd for men, even for women. */
	public boolean isMale() {
		return (value.charAt(16) - '0') % 2 == 1;
	}

	/** The form for screens (DESIGN.md: masked on screen): 110105********002X. */
	public String masked() {
		return value.substring(0, 6) + "********" + value.substring(14);
	}

	@Override
	public String toString() {
		return masked();
	}

	private static boolean digits(String text, int count) {
		for (int i = 0; i < count; i++) {
			if (!isDigit(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARACTERS.charAt(sum % 11);
	}

	private static LocalDate birthDateOf(String value) {
		try {
			return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
					Integer.parseInt(value.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
