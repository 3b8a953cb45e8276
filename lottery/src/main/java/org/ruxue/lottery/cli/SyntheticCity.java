package org.ruxue.lottery.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.ruxue.lottery.Choice;
import org.ruxue.lottery.Mechanism;
import org.ruxue.lottery.Snapshot;
import org.ruxue.lottery.TieBreaking;

/**
 * Generates a made-up city for benchmarks and trials: school popularity follows a Zipf
 * law, each student lists 0 to {@code maxChoices} schools spread over the batches, and
 * tiers are 0 to 3. Seats total the number of students, so the popular schools turn
 * students away and some students end unplaced.
 *
 * <p>
 * Beijing: 150,000 students, 350 schools, up to 8 choices in 3 batches. Chile: 560,000
 * students, 7,900 schools, 1 to 7 choices (4 on average), one batch.
 */
public record SyntheticCity(int students, int schools, int minChoices, int maxChoices, int batches, double zipf,
		Mechanism mechanism, TieBreaking tieBreaking, long seed) {

	public static SyntheticCity beijing(Mechanism mechanism, TieBreaking tieBreaking) {
		return new SyntheticCity(150_000, 350, 0, 8, 3, 1.0, mechanism, tieBreaking, 2017_07_05L);
	}

	public static SyntheticCity chile(Mechanism mechanism, TieBreaking tieBreaking) {
		return new SyntheticCity(560_000, 7_900, 1, 7, 1, 1.0, mechanism, tieBreaking, 2017_07_05L);
	}

	public Snapshot snapshot() {
		SplittableRandom random = new SplittableRandom(this.seed);
		Snapshot.Builder builder = Snapshot.builder(this.mechanism, this.tieBreaking);
		String[] codes = schools(builder, random);
		double[] popularity = popularity(random);
		for (int i = 0; i < this.students; i++) {
			builder.student(studentId(i), choices(random, codes, popularity));
		}
		return builder.build();
	}

	private String[] schools(Snapshot.Builder builder, SplittableRandom random) {
		String[] codes = new String[this.schools];
		int seatsLeft = this.students;
		for (int x = 0; x < this.schools; x++) {
			codes[x] = String.format("S%05d", x + 1);
			int capacity = (x == this.schools - 1) ? seatsLeft : Math.min(seatsLeft,
					(int) Math.round(this.students / (double) this.schools * (0.5 + random.nextDouble())));
			builder.school(codes[x], capacity);
			seatsLeft -= capacity;
		}
		return codes;
	}

	/** Cumulative Zipf weights over the schools taken in a random order. */
	private double[] popularity(SplittableRandom random) {
		int[] rankOf = new int[this.schools];
		for (int x = 0; x < this.schools; x++) {
			int y = random.nextInt(x + 1);
			rankOf[x] = rankOf[y];
			rankOf[y] = x;
		}
		double[] cumulative = new double[this.schools];
		double total = 0;
		for (int x = 0; x < this.schools; x++) {
			total += 1 / Math.pow(rankOf[x] + 1, this.zipf);
			cumulative[x] = total;
		}
		for (int x = 0; x < this.schools; x++) {
			cumulative[x] /= total;
		}
		return cumulative;
	}

	private List<Choice> choices(SplittableRandom random, String[] codes, double[] popularity) {
		int count = Math.min(this.schools, this.minChoices + random.nextInt(this.maxChoices - this.minChoices + 1));
		int[] picked = new int[count];
		for (int i = 0; i < count; i++) {
			picked[i] = pick(random, popularity, picked, i);
		}
		List<Choice> choices = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int batch = 1 + (int) ((long) i * this.batches / Math.max(1, count));
			choices.add(new Choice(codes[picked[i]], tier(random), batch));
		}
		return choices;
	}

	private static int pick(SplittableRandom random, double[] popularity, int[] picked, int already) {
		while (true) {
			int x = Arrays.binarySearch(popularity, random.nextDouble());
			x = Math.min((x >= 0) ? x : -x - 1, popularity.length - 1);
			boolean duplicate = false;
			for (int i = 0; i < already && !duplicate; i++) {
				duplicate = picked[i] == x;
			}
			if (!duplicate) {
				return x;
			}
		}
	}

	/** Mostly tier 1 and 2 (registered or living in the zone), fewer 0 and 3. */
	private static int tier(SplittableRandom random) {
		int roll = random.nextInt(10);
		return (roll < 2) ? 0 : (roll < 5) ? 1 : (roll < 8) ? 2 : 3;
	}

	/**
	 * Pseudonymous receipt ids: 8 hex digits, distinct, in no relation to the input
	 * order.
	 */
	private static String studentId(int i) {
		int mixed = (i + 1) * 0x9E3779B1;
		return String.format("%08x", mixed);
	}

}
