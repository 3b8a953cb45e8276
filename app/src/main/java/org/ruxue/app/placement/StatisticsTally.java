package org.ruxue.app.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ruxue.lottery.Choice;
import org.ruxue.lottery.Snapshot;

/**
 * Counts a draw's statistics in one pass over the snapshot's students: each student's
 * choices from the snapshot, their placement from the result, their district and category
 * from the private side. Pure, so that it is measured and tested without the database.
 */
final class StatisticsTally {

	/**
	 * Every student of the snapshot in its order (index i is the snapshot's i-th
	 * student): the district and category of the private side, and the school and rank of
	 * the published result.
	 *
	 * @param categories null where the student's tier has no category
	 * @param schools null where the student was not placed
	 * @param ranks the placed choice's rank, 0 where not placed
	 */
	record Outcomes(String[] districts, String[] categories, String[] schools, int[] ranks) {

	}

	/** What the statistics show of a school besides its counts. */
	record SchoolInfo(String name, String districtCode) {

	}

	private final Snapshot snapshot;

	private final String[] codes;

	private final Map<String, Integer> schoolIndex;

	private final int[][] applied;

	private final int[][] placed;

	private final int[][] appliedWith;

	private final int[][] placedWith;

	private final Map<DrawStatistics.Priority, Integer> priorities = new HashMap<>();

	private final List<int[]> priorityCounts = new ArrayList<>();

	private final Map<String, int[]> districts = new TreeMap<>();

	private int[] placedByRank = new int[0];

	private int withoutChoices;

	private int maxRank;

	private StatisticsTally(Snapshot snapshot) {
		this.snapshot = snapshot;
		this.codes = snapshot.schools().toArray(String[]::new);
		this.schoolIndex = new HashMap<>(codes.length * 2);
		for (int x = 0; x < codes.length; x++) {
			schoolIndex.put(codes[x], x);
		}
		this.applied = new int[codes.length][0];
		this.placed = new int[codes.length][0];
		this.appliedWith = new int[codes.length][0];
		this.placedWith = new int[codes.length][0];
	}

	/**
	 * @param outcomes every student of the snapshot, in its order
	 * @param schools the schools' names and districts, by code (a school missing here is
	 * shown by its code)
	 * @param districtNames the districts' names, by code
	 * @throws IllegalStateException when the outcomes and the snapshot disagree
	 */
	static DrawStatistics count(LotteryDraw draw, Snapshot snapshot, Outcomes outcomes, Map<String, SchoolInfo> schools,
			Map<String, String> districtNames) {
		List<String> students = snapshot.students();
		if (outcomes.districts().length != students.size() || outcomes.schools().length != students.size()) {
			throw new IllegalStateException("Draw " + draw.id() + ": outcomes of another number of students");
		}
		StatisticsTally tally = new StatisticsTally(snapshot);
		for (int s = 0; s < students.size(); s++) {
			if (outcomes.districts()[s] == null) {
				throw new IllegalStateException("Draw " + draw.id() + ": a student without a district");
			}
			tally.student(snapshot.choices(students.get(s)), outcomes.districts()[s], outcomes.categories()[s],
					outcomes.schools()[s], outcomes.ranks()[s]);
		}
		return tally.statistics(draw, schools, districtNames);
	}

	private void student(List<Choice> choices, String districtCode, String categoryLabel, String placedAt, int rank) {
		maxRank = Math.max(maxRank, choices.size());
		int[] district = districts.computeIfAbsent(districtCode, d -> new int[4]);
		district[0]++;
		for (int k = 0; k < choices.size(); k++) {
			Choice choice = choices.get(k);
			int x = schoolIndex.get(choice.school());
			applied[x] = increment(applied[x], k);
			appliedWith[x] = increment(appliedWith[x], priority(choice.tier(), categoryLabel));
		}
		int[] category = null;
		if (choices.isEmpty()) {
			withoutChoices++;
		}
		else {
			category = priorityCounts.get(priority(choices.get(0).tier(), categoryLabel));
			category[0]++;
		}
		if (placedAt == null) {
			district[3]++;
			if (category != null) {
				category[2]++;
			}
			return;
		}
		int k = rank - 1;
		if (k < 0 || k >= choices.size() || !choices.get(k).school().equals(placedAt)) {
			throw new IllegalStateException("A placement is not the choice of its rank");
		}
		int x = schoolIndex.get(placedAt);
		placed[x] = increment(placed[x], k);
		placedWith[x] = increment(placedWith[x], priority(choices.get(k).tier(), categoryLabel));
		placedByRank = increment(placedByRank, k);
		district[1]++;
		if (k == 0) {
			district[2]++;
		}
		category[1]++;
	}

	private int priority(int tier, String category) {
		return priorities.computeIfAbsent(new DrawStatistics.Priority(tier, category), p -> {
			priorityCounts.add(new int[3]);
			return priorityCounts.size() - 1;
		});
	}

	private static int[] increment(int[] counts, int index) {
		int[] grown = (index < counts.length) ? counts : Arrays.copyOf(counts, index + 1);
		grown[index]++;
		return grown;
	}

	private DrawStatistics statistics(LotteryDraw draw, Map<String, SchoolInfo> schools,
			Map<String, String> districtNames) {
		// priorities strongest first; within a tier by category
		List<DrawStatistics.Priority> ordered = new ArrayList<>(priorities.keySet());
		ordered.sort(Comparator.comparingInt(DrawStatistics.Priority::tier)
			.thenComparing(DrawStatistics.Priority::category, Comparator.nullsFirst(Comparator.naturalOrder())));
		int[] position = new int[ordered.size()];
		for (int i = 0; i < ordered.size(); i++) {
			position[i] = priorities.get(ordered.get(i));
		}
		Map<String, Integer> seatsOf = new HashMap<>();
		List<DrawStatistics.School> shown = new ArrayList<>();
		for (int x = 0; x < codes.length; x++) {
			int seats = snapshot.capacity(codes[x]);
			SchoolInfo info = schools.getOrDefault(codes[x], new SchoolInfo(codes[x], null));
			if (info.districtCode() != null) {
				seatsOf.merge(info.districtCode(), seats, Integer::sum);
				districts.computeIfAbsent(info.districtCode(), d -> new int[4]);
			}
			int applicants = sum(applied[x]);
			if (applicants == 0 && seats == 0) {
				continue;
			}
			shown.add(new DrawStatistics.School(codes[x], info.name(), info.districtCode(),
					(info.districtCode() != null) ? districtNames.getOrDefault(info.districtCode(), info.districtCode())
							: null,
					seats, applicants, list(applied[x], maxRank), sum(placed[x]), list(placed[x], maxRank),
					reordered(appliedWith[x], position), reordered(placedWith[x], position)));
		}
		shown.sort(Comparator.comparing(DrawStatistics.School::districtCode, Comparator.nullsLast(String::compareTo))
			.thenComparing(DrawStatistics.School::code));
		List<DrawStatistics.District> perDistrict = new ArrayList<>();
		int[] total = new int[4];
		for (var d : districts.entrySet()) {
			int[] c = d.getValue();
			perDistrict.add(new DrawStatistics.District(d.getKey(), districtNames.getOrDefault(d.getKey(), d.getKey()),
					c[0], seatsOf.getOrDefault(d.getKey(), 0), c[1], c[2], c[3]));
			for (int i = 0; i < 4; i++) {
				total[i] += c[i];
			}
		}
		int allSeats = 0;
		for (String code : codes) {
			allSeats += snapshot.capacity(code);
		}
		List<DrawStatistics.PriorityRow> byPriority = new ArrayList<>();
		for (int i = 0; i < ordered.size(); i++) {
			int[] c = priorityCounts.get(position[i]);
			if (c[0] > 0) {
				byPriority.add(new DrawStatistics.PriorityRow(ordered.get(i), c[0], c[1], c[2]));
			}
		}
		return new DrawStatistics(draw, maxRank, ordered,
				new DrawStatistics.District(null, null, total[0], allSeats, total[1], total[2], total[3]), perDistrict,
				shown, list(placedByRank, maxRank), byPriority, withoutChoices);
	}

	private static int sum(int[] counts) {
		int sum = 0;
		for (int c : counts) {
			sum += c;
		}
		return sum;
	}

	private static List<Integer> list(int[] counts, int size) {
		List<Integer> list = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			list.add((i < counts.length) ? counts[i] : 0);
		}
		return list;
	}

	private static List<Integer> reordered(int[] counts, int[] position) {
		List<Integer> list = new ArrayList<>(position.length);
		for (int p : position) {
			list.add((p < counts.length) ? counts[p] : 0);
		}
		return list;
	}

}
