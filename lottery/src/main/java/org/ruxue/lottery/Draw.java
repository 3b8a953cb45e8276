package org.ruxue.lottery;

import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

/**
 * Draws a lottery exactly as LOTTERY.md prescribes, so that anyone re-running it on the
 * published snapshot and entropy gets the same result byte for byte.
 */
public final class Draw {

	/** Students per task when computing numbers; a chunk costs about a millisecond. */
	private static final int CHUNK = 2048;

	private Draw() {
	}

	/**
	 * Runs the draw. The entropy is used byte for byte as published: no trimming, no
	 * normalisation.
	 * @throws IllegalArgumentException if the entropy is empty or holds CR or LF
	 */
	public static Result run(Snapshot snapshot, String entropy) {
		requireEntropy(entropy);
		byte[] seed = LotteryNumbers.seed(snapshot.hash(), entropy);
		long[] studentNumbers = new long[snapshot.studentCount()];
		long[] choiceOrder = new long[snapshot.choiceCount()];
		byte[][] codes = asciiCodes(snapshot);
		int chunks = (snapshot.studentCount() + CHUNK - 1) / CHUNK;
		IntStream.range(0, chunks)
			.parallel()
			.forEach((chunk) -> number(snapshot, seed, codes, chunk * CHUNK,
					Math.min(snapshot.studentCount(), (chunk + 1) * CHUNK), studentNumbers, choiceOrder));
		int[] placed = new Allocation(snapshot).run(choiceOrder);
		return new Result(snapshot, entropy, seed, studentNumbers, choiceOrder, placed);
	}

	/**
	 * Rejects entropy that LOTTERY.md does not allow.
	 * @throws IllegalArgumentException naming the fault
	 */
	public static void requireEntropy(String entropy) {
		if (entropy == null || entropy.isEmpty()) {
			throw new IllegalArgumentException("entropy is empty");
		}
		if (entropy.indexOf('\n') >= 0 || entropy.indexOf('\r') >= 0) {
			throw new IllegalArgumentException("entropy holds a line break (CR or LF)");
		}
		for (int i = 0; i < entropy.length(); i++) {
			if (Character.isSurrogate(entropy.charAt(i)) && !(Character.isHighSurrogate(entropy.charAt(i))
					&& i + 1 < entropy.length() && Character.isLowSurrogate(entropy.charAt(++i)))) {
				throw new IllegalArgumentException("entropy is not valid Unicode (a lone surrogate)");
			}
		}
	}

	/**
	 * Fills the numbers of students {@code from} to {@code to}: the result's NUMBER
	 * column and, per choice, the sign-flipped number the school orders by.
	 */
	private static void number(Snapshot snapshot, byte[] seed, byte[][] codes, int from, int to, long[] studentNumbers,
			long[] choiceOrder) {
		LotteryNumbers numbers = new LotteryNumbers(seed);
		boolean single = snapshot.tieBreaking == TieBreaking.SINGLE;
		for (int s = from; s < to; s++) {
			numbers.student(snapshot.studentIds[s]);
			int first = snapshot.choiceStart[s];
			int last = snapshot.choiceStart[s + 1];
			if (single || first == last) {
				studentNumbers[s] = numbers.single();
			}
			for (int c = first; c < last; c++) {
				long number = single ? studentNumbers[s] : numbers.atSchool(codes[snapshot.choiceSchool[c]]);
				choiceOrder[c] = number ^ Long.MIN_VALUE;
			}
			if (!single && first < last) {
				studentNumbers[s] = choiceOrder[first] ^ Long.MIN_VALUE;
			}
		}
	}

	private static byte[][] asciiCodes(Snapshot snapshot) {
		byte[][] codes = new byte[snapshot.schoolCount()][];
		for (int x = 0; x < codes.length; x++) {
			codes[x] = snapshot.schoolCodes[x].getBytes(StandardCharsets.US_ASCII);
		}
		return codes;
	}

}
