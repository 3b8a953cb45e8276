package org.ruxue.app.population;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GB 11643-1999 resident ID numbers: the standard's examples, synthetic vectors,
 * properties.
 */
class IdCardNumberTest {

	@ParameterizedTest(name = "{0} valid={1}: {2}")
	@CsvFileSource(resources = "/id_checkdigit_vectors.csv", numLinesToSkip = 1)
	void agreesWithTheCheckDigitVectors(String number, boolean valid, String note) {
		if (valid) {
			assertThat(IdCardNumber.parse(number).value()).isEqualTo(number);
		}
		else {
			assertThatThrownBy(() -> IdCardNumber.parse(number)).isInstanceOf(InvalidIdCardNumberException.class);
		}
	}

	@Test
	void readsBirthDateSexAndAddressCodeOfTheStandardsExample() {
		IdCardNumber number = IdCardNumber.parse("11010519491231002X");

		assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(number.isMale()).isFalse();
		assertThat(number.addressCode()).isEqualTo("110105");
	}

	@Test
	void acceptsALowerCaseXAndSurroundingBlanks() {
		assertThat(IdCardNumber.parse(" 11010519491231002x ").value()).isEqualTo("11010519491231002X");
	}

	@Test
	void completesTheCheckCharacterX() {
		assertThat(IdCardNumber.withCheckDigit("11010519491231002").value()).isEqualTo("11010519491231002X");
		assertThat(IdCardNumber.withCheckDigit("44052418800101001").value()).isEqualTo("440524188001010014");
	}

	@Test
	void rejectsWrongCheckDigit() {
		assertThatThrownBy(() -> IdCardNumber.parse("110105194912310021"))
			.isInstanceOf(InvalidIdCardNumberException.class)
			.satisfies(ex -> assertThat(((InvalidIdCardNumberException) ex).reason())
				.isEqualTo(InvalidIdCardNumberException.Reason.CHECK_DIGIT));
	}

	@Test
	void rejectsANumberOfTheWrongLength() {
		assertThatThrownBy(() -> IdCardNumber.parse("11010519491231002")).isInstanceOfSatisfying(
				InvalidIdCardNumberException.class,
				ex -> assertThat(ex.reason()).isEqualTo(InvalidIdCardNumberException.Reason.LENGTH));
		assertThatThrownBy(() -> IdCardNumber.parse(null)).isInstanceOf(InvalidIdCardNumberException.class);
	}

	@Test
	void rejectsLettersOtherThanAFinalX() {
		assertThatThrownBy(() -> IdCardNumber.parse("1101051949123100X2")).isInstanceOfSatisfying(
				InvalidIdCardNumberException.class,
				ex -> assertThat(ex.reason()).isEqualTo(InvalidIdCardNumberException.Reason.CHARACTERS));
	}

	@Test
	void rejectsADayThatDoesNotExistEvenWithAMatchingCheckDigit() {
		// 2011-02-29 is not a date; the check digit is computed to match
		String first17 = "11010120110229001";

		assertThatThrownBy(() -> IdCardNumber.withCheckDigit(first17)).isInstanceOfSatisfying(
				InvalidIdCardNumberException.class,
				ex -> assertThat(ex.reason()).isEqualTo(InvalidIdCardNumberException.Reason.BIRTH_DATE));
	}

	@Test
	void masksTheNumberWhenPrinted() {
		IdCardNumber number = IdCardNumber.parse("11010519491231002X");

		assertThat(number.masked()).isEqualTo("110105********002X");
		assertThat(number).hasToString("110105********002X");
	}

	@Property(tries = 500)
	void completesAnyNumberWithARealBirthDateIntoAValidOne(@ForAll @IntRange(min = 0, max = 999_999) int address,
			@ForAll @LongRange(min = -25_000, max = 50_000) long epochDay,
			@ForAll @IntRange(min = 0, max = 999) int sequence) {
		LocalDate birthDate = LocalDate.ofEpochDay(epochDay);
		String first17 = first17(address, birthDate, sequence);

		IdCardNumber number = IdCardNumber.parse(IdCardNumber.withCheckDigit(first17).value());

		assertThat(number.birthDate()).isEqualTo(birthDate);
		assertThat(number.isMale()).isEqualTo(sequence % 2 == 1);
		assertThat(number.addressCode()).isEqualTo("%06d".formatted(address));
	}

	@Property(tries = 500)
	void rejectsAnySingleChangedCharacter(@ForAll @IntRange(min = 0, max = 999_999) int address,
			@ForAll @LongRange(min = -25_000, max = 50_000) long epochDay,
			@ForAll @IntRange(min = 0, max = 999) int sequence, @ForAll @IntRange(min = 0, max = 17) int position,
			@ForAll @IntRange(min = 1, max = 10) int shift) {
		String valid = IdCardNumber.withCheckDigit(first17(address, LocalDate.ofEpochDay(epochDay), sequence)).value();
		String alphabet = (position == 17) ? "0123456789X" : "0123456789";
		int index = alphabet.indexOf(valid.charAt(position));
		int step = 1 + (shift - 1) % (alphabet.length() - 1);
		char changed = alphabet.charAt((index + step) % alphabet.length());
		String typo = valid.substring(0, position) + changed + valid.substring(position + 1);

		assertThatThrownBy(() -> IdCardNumber.parse(typo)).isInstanceOf(InvalidIdCardNumberException.class);
	}

	private static String first17(int address, LocalDate birthDate, int sequence) {
		return "%06d%s%03d".formatted(address, birthDate.format(DateTimeFormatter.BASIC_ISO_DATE), sequence);
	}

}
