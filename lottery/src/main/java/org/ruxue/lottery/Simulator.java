package org.ruxue.lottery;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Estimates each student's chances by running the snapshot's mechanism many times with
 * fresh random numbers (LOTTERY.md section 5). These are estimates, not draws, so a fast
 * seeded PRNG stands in for HMAC; a given seed gives the same estimate whatever the
 * number of threads.
 */
public final class Simulator {

	private Simulator() {
	}

	public static Simulation simulate(Snapshot snapshot, int runs, int threads, long seed) {
		if (runs < 1 || threads < 1) {
			throw new IllegalArgumentException("runs and threads must be at least 1");
		}
		int workers = Math.min(threads, runs);
		ExecutorService pool = Executors.newFixedThreadPool(workers);
		try {
			List<Future<int[]>> parts = new ArrayList<>();
			for (int w = 0; w < workers; w++) {
				int worker = w;
				parts.add(pool.submit(() -> runShare(snapshot, runs, workers, worker, seed)));
			}
			int[] placedCounts = new int[snapshot.choiceCount() + snapshot.studentCount()];
			for (Future<int[]> part : parts) {
				int[] counts = part.get();
				for (int i = 0; i < counts.length; i++) {
					placedCounts[i] += counts[i];
				}
			}
			return new Simulation(snapshot, runs, placedCounts);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("simulation interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("simulation failed", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Runs {@code worker}, {@code worker + workers}, ... and counts, per choice, the runs
	 * placing the student there, then per student the runs leaving it unplaced.
	 */
	private static int[] runShare(Snapshot snapshot, int runs, int workers, int worker, long seed) {
		Allocation allocation = new Allocation(snapshot);
		int choices = snapshot.choiceCount();
		int[] counts = new int[choices + snapshot.studentCount()];
		long[] order = new long[choices];
		long[] studentNumbers = new long[snapshot.studentCount()];
		boolean single = snapshot.tieBreaking == TieBreaking.SINGLE;
		for (int run = worker; run < runs; run += workers) {
			SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (run + 1)));
			if (single) {
				for (int s = 0; s < studentNumbers.length; s++) {
					studentNumbers[s] = random.nextLong();
				}
				for (int c = 0; c < choices; c++) {
					order[c] = studentNumbers[snapshot.choiceStudent[c]];
				}
			}
			else {
				for (int c = 0; c < choices; c++) {
					order[c] = random.nextLong();
				}
			}
			int[] placed = allocation.run(order);
			for (int s = 0; s < placed.length; s++) {
				counts[(placed[s] >= 0) ? placed[s] : choices + s]++;
			}
		}
		return counts;
	}

}
