package org.ruxue.app.placement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The open statistics of a published draw: counts only, never an id or a name of a child.
 * Per district the students in the draw and the seats of its schools; per school the
 * seats, the students who listed it by the rank they gave it, and those placed there by
 * that rank and by their priority there; for the draw the placements by rank and by
 * priority category.
 *
 * @param maxRank the longest list of choices in the draw (the columns of the by-rank
 * figures)
 * @param priorities the priority tiers and categories met in the draw, strongest first
 * @param total the whole draw, as one district without a code
 * @param schools the schools with seats or applicants, by district and code
 * @param placedByRank how many were placed at their 1st, 2nd, … choice
 * @param withoutChoices students who listed no school: unplaced, in no priority row
 */
public record DrawStatistics(LotteryDraw draw, int maxRank, List<Priority> priorities, District total,
		List<District> districts, List<School> schools, List<Integer> placedByRank, List<PriorityRow> byPriority,
		int withoutChoices) {

	public DrawStatistics {
		priorities = List.copyOf(priorities);
		districts = List.copyOf(districts);
		schools = List.copyOf(schools);
		placedByRank = List.copyOf(placedByRank);
		byPriority = List.copyOf(byPriority);
	}

	/** 1 to {@link #maxRank()}, for the columns by rank. */
	public List<Integer> ranks() {
		return IntStream.rangeClosed(1, maxRank).boxed().toList();
	}

	public int placedAt(int rank) {
		return (rank >= 1 && rank <= placedByRank.size()) ? placedByRank.get(rank - 1) : 0;
	}

	/** The share of the students placed at their choice of this rank, in per cent. */
	public BigDecimal shareAt(int rank) {
		return percent(placedAt(rank), total.applicants());
	}

	public BigDecimal unplacedShare() {
		return percent(total.unplaced(), total.applicants());
	}

	public Optional<School> school(String code) {
		return schools.stream().filter(s -> s.code().equals(code)).findFirst();
	}

	/**
	 * A student's priority at a school: the tier of the snapshot (lower is stronger) and,
	 * for primary entry, the category of the registration the tier came from.
	 *
	 * @param category the category's label, null where the tier has none (junior entry)
	 */
	public record Priority(int tier, String category) {

	}

	/**
	 * @param applicants the district's students in the draw
	 * @param seats the seats of the district's schools in the draw
	 * @param placedFirstChoice placed at the school they listed first
	 */
	public record District(String code, String name, int applicants, int seats, int placed, int placedFirstChoice,
			int unplaced) {

		/** Applicants per seat to two decimals; null without seats. */
		public BigDecimal applicantsPerSeat() {
			return ratio(applicants, seats, 2);
		}

		/** The share of the applicants placed at their first choice, in per cent. */
		public BigDecimal firstChoiceShare() {
			return percent(placedFirstChoice, applicants);
		}

		public BigDecimal placedShare() {
			return percent(placed, applicants);
		}

	}

	/**
	 * @param applicants students who listed the school at any rank
	 * @param applicantsByRank per rank (index 0: listed first)
	 * @param placedByRank per rank of the choice that placed them
	 * @param applicantsByPriority per priority of {@link DrawStatistics#priorities()}:
	 * their priority at this school
	 * @param placedByPriority per priority: those placed here, by their priority here
	 */
	public record School(String code, String name, String districtCode, String districtName, int seats, int applicants,
			List<Integer> applicantsByRank, int placed, List<Integer> placedByRank, List<Integer> applicantsByPriority,
			List<Integer> placedByPriority) {

		public School {
			applicantsByRank = List.copyOf(applicantsByRank);
			placedByRank = List.copyOf(placedByRank);
			applicantsByPriority = List.copyOf(applicantsByPriority);
			placedByPriority = List.copyOf(placedByPriority);
		}

		public int applicantsAt(int rank) {
			return at(applicantsByRank, rank - 1);
		}

		public int placedAt(int rank) {
			return at(placedByRank, rank - 1);
		}

		/** By the index of the priority in {@link DrawStatistics#priorities()}. */
		public int applicantsWith(int priority) {
			return at(applicantsByPriority, priority);
		}

		public int placedWith(int priority) {
			return at(placedByPriority, priority);
		}

		public int seatsLeft() {
			return Math.max(0, seats - placed);
		}

		public BigDecimal applicantsPerSeat() {
			return ratio(applicants, seats, 2);
		}

		/** First-choice applicants per seat: how contested the school is. */
		public BigDecimal firstChoicesPerSeat() {
			return ratio(applicantsAt(1), seats, 2);
		}

		private static int at(List<Integer> counts, int index) {
			return (index >= 0 && index < counts.size()) ? counts.get(index) : 0;
		}

	}

	/**
	 * The students of one priority category: a student's category is their priority at
	 * the school they listed first (on this platform a student has the same priority at
	 * every school of their list).
	 */
	public record PriorityRow(Priority priority, int students, int placed, int unplaced) {

		public BigDecimal placedShare() {
			return percent(placed, students);
		}

	}

	static BigDecimal percent(int part, int whole) {
		return (whole == 0) ? null
				: BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

	static BigDecimal ratio(int part, int whole, int scale) {
		return (whole == 0) ? null
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), scale, RoundingMode.HALF_UP);
	}

}
