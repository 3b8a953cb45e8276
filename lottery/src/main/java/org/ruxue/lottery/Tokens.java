package org.ruxue.lottery;

/** The lexical rules of LOTTERY.md section 1 for codes, ids, capacities and tiers. */
final class Tokens {

	static final int MAX_NAME = 64;

	static final int MAX_NUMBER = 999_999_999;

	private Tokens() {
	}

	static boolean isNameByte(int b) {
		return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '_' || b == '-';
	}

	static boolean isName(byte[] bytes, int from, int to) {
		if (to - from < 1 || to - from > MAX_NAME) {
			return false;
		}
		for (int i = from; i < to; i++) {
			if (!isNameByte(bytes[i])) {
				return false;
			}
		}
		return true;
	}

	/** Parses {@code 0} or {@code [1-9][0-9]*} of at most nine digits, or returns -1. */
	static int number(byte[] bytes, int from, int to) {
		int length = to - from;
		if (length < 1 || length > 9 || (length > 1 && bytes[from] == '0')) {
			return -1;
		}
		int value = 0;
		for (int i = from; i < to; i++) {
			int digit = bytes[i] - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}

	static void requireName(String what, String name) {
		boolean valid = name != null && !name.isEmpty() && name.length() <= MAX_NAME;
		for (int i = 0; valid && i < name.length(); i++) {
			valid = isNameByte(name.charAt(i));
		}
		if (!valid) {
			throw new IllegalArgumentException(
					"invalid " + what + " '" + name + "': 1 to 64 characters of A-Z a-z 0-9 _ -");
		}
	}

	static void requireNumber(String what, int value) {
		if (value < 0 || value > MAX_NUMBER) {
			throw new IllegalArgumentException("invalid " + what + ": " + value + " is not between 0 and 999999999");
		}
	}

}
