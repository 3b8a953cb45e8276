package org.ruxue.lottery;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why one student was placed where they were: each choice in order, with the school's
 * cutoff where the student's application was decided. The app shows it to families, so
 * every fact a family could dispute is a field, not only a sentence.
 */
public record Explanation(String student, Mechanism mechanism, Optional<Placement> placement, List<Step> steps) {

	/** The explanation in plain English, one line per choice. */
	public String describe() {
		return steps.stream().map(Step::describe).collect(Collectors.joining("\n"));
	}

	/** What became of one choice. */
	public enum Outcome {

		/** The student won a seat here. */
		PLACED,

		/**
		 * The school filled its free seats with students ahead of this one in its order.
		 */
		OUTRANKED,

		/** The school had no seat left when this application was considered. */
		NO_SEATS_LEFT,

		/** The student won a seat at a choice they preferred in the same batch. */
		NOT_NEEDED,

		/** The student was placed in an earlier batch and took part in no later one. */
		PLACED_IN_EARLIER_BATCH

	}

	/**
	 * The tier and lottery number of the last student a school admitted up to the
	 * application's batch and round: the weakest admitted in that batch (deferred
	 * acceptance) or round (immediate acceptance), or, if the school admitted nobody
	 * then, the weakest of its latest earlier admissions.
	 */
	public record Cutoff(int tier, String number) {
	}

	/**
	 * One choice: its 1-based rank on the whole list, batch and round (the round is 0
	 * under deferred acceptance, where it plays no part), the student's tier and number
	 * there, the seats free when the application was considered, the school's cutoff in
	 * that batch and round, and the outcome.
	 */
	public record Step(int rank, String school, int batch, int round, int tier, String number, int seats,
			Optional<Cutoff> cutoff, Outcome outcome) {

		public String describe() {
			String where = "choice " + rank + ", " + school + " (batch " + batch
					+ ((round > 0) ? ", round " + round : "") + ")";
			String you = "tier " + tier + ", number " + number;
			String last = cutoff.map((c) -> "the last admitted student had tier " + c.tier() + ", number " + c.number())
				.orElse("nobody was admitted");
			return switch (outcome) {
				case PLACED -> where + ": placed, with " + you + "; " + last + ".";
				case OUTRANKED -> where + ": not placed; its " + seats + " free seat(s) went to students ahead of you ("
						+ you + "); " + last + ".";
				case NO_SEATS_LEFT -> where + ": not placed; no seat was left when your application was considered ("
						+ you + "); " + last + ".";
				case NOT_NEEDED -> where + ": not needed; you were placed at a choice you ranked higher.";
				case PLACED_IN_EARLIER_BATCH -> where + ": not considered; you were placed in an earlier batch.";
			};
		}

	}

}
