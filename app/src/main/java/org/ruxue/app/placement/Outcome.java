package org.ruxue.app.placement;

import java.util.List;

/**
 * A student's line of a drawn result with its explanation (R-G8): the lottery number,
 * where the student was placed (or not), and what became of each choice with the school's
 * cutoff.
 *
 * @param schoolCode null when the student was not placed
 * @param rank the placed choice's 1-based rank on the list, 0 when not placed
 */
public record Outcome(DrawId drawId, String lotteryId, String schoolCode, int rank, int batch, String number,
		List<Step> steps) {

	public Outcome {
		steps = List.copyOf(steps);
	}

	public boolean placed() {
		return schoolCode != null;
	}

	/**
	 * One choice: its rank, school, batch and round (0 under deferred acceptance), the
	 * student's tier and number there, the seats free when it was considered, the cutoff
	 * (the tier and number of the last student the school admitted up to then, null when
	 * it admitted nobody) and what became of it.
	 */
	public record Step(int rank, String school, int batch, int round, int tier, String number, int seats,
			Integer cutoffTier, String cutoffNumber, String outcome) {

		/** The key of the outcome's sentence in the messages. */
		public String messageKey() {
			return "placement.outcome." + outcome;
		}

	}

}
