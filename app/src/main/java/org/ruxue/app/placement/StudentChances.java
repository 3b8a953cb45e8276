package org.ruxue.app.placement;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A student's estimated chances in a run: per choice on the list as it stood when the run
 * read the preferences, and of no place at all. The shares of the choices and of no place
 * add up to one: every simulated draw ends in exactly one of them.
 */
public record StudentChances(EstimateRun run, String lotteryId, List<ChoiceChance> choices, Chance unplaced) {

	public StudentChances {
		choices = List.copyOf(choices);
	}

	/**
	 * One choice: its 1-based position over all batches, its batch and school, and the
	 * chance of a place there.
	 */
	public record ChoiceChance(int position, int batch, String schoolCode, Chance chance) {

	}

	/**
	 * Whether the estimated list is the one given, per batch number the schools in order:
	 * when a family changed its choices after the run, the figures are for the old list.
	 */
	public boolean listsAsIn(Map<Integer, List<String>> saved) {
		List<String> estimated = choices.stream().map(c -> c.batch() + ":" + c.schoolCode()).toList();
		List<String> given = new TreeMap<>(saved).entrySet()
			.stream()
			.flatMap(e -> e.getValue().stream().map(school -> e.getKey() + ":" + school))
			.toList();
		return estimated.equals(given);
	}

}
