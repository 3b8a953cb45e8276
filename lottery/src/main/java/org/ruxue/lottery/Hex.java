package org.ruxue.lottery;

/** Lowercase hex as LOTTERY.md writes hashes, seeds and lottery numbers. */
final class Hex {

	private static final char[] DIGITS = "0123456789abcdef".toCharArray();

	private Hex() {
	}

	static String of(byte[] bytes) {
		char[] chars = new char[bytes.length * 2];
		for (int i = 0; i < bytes.length; i++) {
			chars[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
			chars[2 * i + 1] = DIGITS[bytes[i] & 0xf];
		}
		return new String(chars);
	}

	/** Sixteen digits, zero-padded: the NUMBER column of a result. */
	static String of(long number) {
		char[] chars = new char[16];
		for (int i = 15; i >= 0; i--) {
			chars[i] = DIGITS[(int) (number & 0xf)];
			number >>>= 4;
		}
		return new String(chars);
	}

}
