package org.ruxue.app.population;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Issues synthetic ID numbers the way a hukou office does: for each place, birth date and
 * sex a fresh 3-digit sequence (odd for boys, even for girls), so that no number is
 * issued twice. The sequences of one day and place are spread over their block in an
 * order fixed by the key, not counted up from 001, so that numbers look like real ones.
 *
 * <p>
 * The demo and the city-scale data take disjoint blocks of sequences, so that the
 * benchmark population can be loaded into a demo register without taking over a demo
 * person's number.
 */
final class IdNumberIssuer {

	private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

	private static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);

	private static final int DAYS = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay() + 1);

	/** The first order of the block: sequence 2 × order + 1 for men, + 2 for women. */
	private final int firstOrder;

	/** How many of each sex per place and day; a prime, see {@link #issue}. */
	private final int perKey;

	/** Per address code, the sequences issued so far per day and sex. */
	private final Map<String, short[]> issued = new HashMap<>();

	private IdNumberIssuer(int firstOrder, int perKey) {
		this.firstOrder = firstOrder;
		this.perKey = perKey;
	}

	/** Sequences 001 to 194: 97 of each sex per place and day. */
	static IdNumberIssuer forDemo() {
		return new IdNumberIssuer(0, 97);
	}

	/** Sequences 195 to 996: 401 of each sex per place and day. */
	static IdNumberIssuer forCityScale() {
		return new IdNumberIssuer(97, 401);
	}

	int perKey() {
		return perKey;
	}

	IdCardNumber issue(String addressCode, LocalDate birthDate, Sex sex) {
		if (birthDate.isBefore(FIRST_DAY) || birthDate.isAfter(LAST_DAY)) {
			throw new IllegalArgumentException("Synthetic persons are born from " + FIRST_DAY + " to " + LAST_DAY);
		}
		int slot = (int) (birthDate.toEpochDay() - FIRST_DAY.toEpochDay()) * 2 + sex.ordinal();
		short[] counts = issued.computeIfAbsent(addressCode, code -> new short[DAYS * 2]);
		int n = counts[slot];
		if (n >= perKey) {
			throw new IllegalStateException("More than " + perKey + " synthetic persons of one sex born on " + birthDate
					+ " in " + addressCode + ": generate fewer or spread them wider");
		}
		counts[slot]++;
		long mixed = mix(Long.parseLong(addressCode) * 1_000_000L + slot);
		// perKey is prime, so any step from 1 to perKey - 1 visits every order once
		int step = 1 + (int) Math.floorMod(mixed, (long) perKey - 1);
		int offset = (int) Math.floorMod(mixed >>> 21, (long) perKey);
		int order = firstOrder + (int) ((offset + (long) n * step) % perKey);
		int sequence = 2 * order + ((sex == Sex.MALE) ? 1 : 2);
		var first17 = new StringBuilder(17).append(addressCode);
		appendDigits(first17, birthDate.getYear(), 4);
		appendDigits(first17, birthDate.getMonthValue(), 2);
		appendDigits(first17, birthDate.getDayOfMonth(), 2);
		appendDigits(first17, sequence, 3);
		return IdCardNumber.withCheckDigit(first17.toString());
	}

	private static void appendDigits(StringBuilder text, int value, int width) {
		String digits = Integer.toString(value);
		text.repeat('0', width - digits.length()).append(digits);
	}

	/** SplitMix64's finaliser: a fixed scrambling of the key. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

}
