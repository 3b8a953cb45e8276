package org.ruxue.lottery;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lottery numbers must be uniform over ids, or a draw favours some families: the 2012 US
 * diversity-visa lottery was voided because its winners came overwhelmingly from the
 * first days of registration. Each test is deterministic (fixed seeds), so it cannot
 * flake; the thresholds are the chi-square quantiles at p = 0.001.
 */
class UniformityTest {

	private static final int IDS = 64_000;

	private static final int BUCKETS = 64;

	/** chi-square, 63 degrees of freedom, upper 0.1% quantile. */
	private static final double CRITICAL_63 = 103.44;

	/** chi-square, 9 degrees of freedom, upper 0.1% quantile. */
	private static final double CRITICAL_9 = 27.88;

	private static final byte[] SEED = HexFormat.of()
		.parseHex("df417eae6ac13e3a81ac8a1b11b98d0ccb172efdc9c2f992b0a92cb29f1137b2");

	@Test
	void singleNumbersFillTheirHighAndLowBucketsEvenly() {
		LotteryNumbers numbers = new LotteryNumbers(SEED);
		long[] high = new long[BUCKETS];
		long[] low = new long[BUCKETS];
		for (int i = 0; i < IDS; i++) {
			long number = numbers.student(String.format("%08d", i)).single();
			high[(int) (number >>> 58)]++;
			low[(int) (number & 63)]++;
		}
		assertThat(chiSquare(high)).isLessThan(CRITICAL_63);
		assertThat(chiSquare(low)).isLessThan(CRITICAL_63);
	}

	@Test
	void schoolNumbersFillTheirBucketsEvenly() {
		LotteryNumbers numbers = new LotteryNumbers(SEED);
		byte[] school = "S001".getBytes();
		long[] high = new long[BUCKETS];
		for (int i = 0; i < IDS; i++) {
			high[(int) (numbers.student("r" + i).atSchool(school) >>> 58)]++;
		}
		assertThat(chiSquare(high)).isLessThan(CRITICAL_63);
	}

	@Test
	void winnersComeEvenlyFromEveryPartOfTheRegistrationOrder() {
		// 10,000 students registered in order, one school with 1,000 seats, all tier 0:
		// each tenth of the registration order should win about 100 seats
		Snapshot.Builder builder = Snapshot.builder(Mechanism.DEFERRED_ACCEPTANCE, TieBreaking.SINGLE)
			.school("S", 1000);
		for (int i = 0; i < 10_000; i++) {
			builder.student(String.format("%06d", i), Choice.of("S", 0));
		}
		Snapshot snapshot = builder.build();
		Result result = Draw.run(snapshot, "uniformity 2012");
		long[] winnersByTenth = new long[10];
		for (int i = 0; i < 10_000; i++) {
			if (result.placement(String.format("%06d", i)).isPresent()) {
				winnersByTenth[i / 1000]++;
			}
		}
		assertThat(chiSquare(winnersByTenth)).isLessThan(CRITICAL_9);
	}

	private static double chiSquare(long[] observed) {
		long total = 0;
		for (long count : observed) {
			total += count;
		}
		double expected = (double) total / observed.length;
		double sum = 0;
		for (long count : observed) {
			sum += (count - expected) * (count - expected) / expected;
		}
		return sum;
	}

}
