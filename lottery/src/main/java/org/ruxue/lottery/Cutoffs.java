package org.ruxue.lottery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admissions of a finished draw grouped by school, batch and round (the round only
 * under immediate acceptance), from which every explanation is read: the seats a school
 * had left at any point and the last student it admitted.
 */
final class Cutoffs {

	private final Snapshot snapshot;

	private final int[] placed;

	private final long[] choiceOrder;

	private final boolean byRound;

	/** Per school, its admission cells ordered by batch and round. */
	private final List<List<Cell>> cells = new ArrayList<>();

	Cutoffs(Snapshot snapshot, int[] placed, long[] choiceOrder) {
		this.snapshot = snapshot;
		this.placed = placed;
		this.choiceOrder = choiceOrder;
		this.byRound = snapshot.mechanism == Mechanism.IMMEDIATE_ACCEPTANCE;
		Map<Long, Cell> found = new HashMap<>();
		for (int c : placed) {
			if (c >= 0) {
				int x = snapshot.choiceSchool[c];
				Cell cell = found.computeIfAbsent(key(x, snapshot.choiceBatch[c], round(c)),
						(k) -> new Cell(snapshot.choiceBatch[c], round(c)));
				cell.admit(c);
			}
		}
		for (int x = 0; x < snapshot.schoolCount(); x++) {
			this.cells.add(new ArrayList<>());
		}
		found.forEach((key, cell) -> this.cells.get((int) (key >>> 40)).add(cell));
		this.cells.forEach((list) -> list.sort(Comparator.comparingInt(Cell::batch).thenComparingInt(Cell::round)));
	}

	Explanation explain(int s) {
		int placedChoice = this.placed[s];
		int placedBatch = (placedChoice >= 0) ? this.snapshot.choiceBatch[placedChoice] : Integer.MAX_VALUE;
		List<Explanation.Step> steps = new ArrayList<>();
		int first = this.snapshot.choiceStart[s];
		for (int c = first; c < this.snapshot.choiceStart[s + 1]; c++) {
			steps.add(step(c, c - first + 1, placedChoice, placedBatch));
		}
		String id = this.snapshot.studentIds[s];
		Optional<Placement> placement = (placedChoice < 0) ? Optional.empty()
				: Optional.of(new Placement(this.snapshot.schoolCodes[this.snapshot.choiceSchool[placedChoice]],
						placedChoice - first + 1, placedBatch + 1));
		return new Explanation(id, this.snapshot.mechanism, placement, List.copyOf(steps));
	}

	private Explanation.Step step(int c, int rank, int placedChoice, int placedBatch) {
		int x = this.snapshot.choiceSchool[c];
		int batch = this.snapshot.choiceBatch[c];
		int round = round(c);
		int seats = this.snapshot.capacities[x] - admittedBefore(x, batch, round);
		Optional<Explanation.Cutoff> cutoff = lastCellUpTo(x, batch, round).map((cell) -> cutoff(cell.worst));
		Explanation.Outcome outcome;
		if (batch > placedBatch) {
			outcome = Explanation.Outcome.PLACED_IN_EARLIER_BATCH;
		}
		else if (c == placedChoice) {
			outcome = Explanation.Outcome.PLACED;
		}
		else if (batch == placedBatch && c > placedChoice) {
			outcome = Explanation.Outcome.NOT_NEEDED;
		}
		else {
			outcome = (seats == 0) ? Explanation.Outcome.NO_SEATS_LEFT : Explanation.Outcome.OUTRANKED;
		}
		return new Explanation.Step(rank, this.snapshot.schoolCodes[x], batch + 1, round, this.snapshot.choiceTier[c],
				number(c), seats, cutoff, outcome);
	}

	private int admittedBefore(int x, int batch, int round) {
		int admitted = 0;
		for (Cell cell : this.cells.get(x)) {
			if (cell.batch < batch || (cell.batch == batch && cell.round < round)) {
				admitted += cell.count;
			}
		}
		return admitted;
	}

	/**
	 * The school's latest admissions up to the batch and round: those deciding the
	 * application, or, when the school was already full, those that filled it.
	 */
	private Optional<Cell> lastCellUpTo(int x, int batch, int round) {
		Cell last = null;
		for (Cell cell : this.cells.get(x)) {
			if (cell.batch < batch || (cell.batch == batch && cell.round <= round)) {
				last = cell;
			}
		}
		return Optional.ofNullable(last);
	}

	private Explanation.Cutoff cutoff(int c) {
		return new Explanation.Cutoff(this.snapshot.choiceTier[c], number(c));
	}

	private String number(int c) {
		return Hex.of(this.choiceOrder[c] ^ Long.MIN_VALUE);
	}

	/**
	 * The 1-based round in which choice c was applied to, or 0 when rounds play no part.
	 */
	private int round(int c) {
		if (!this.byRound) {
			return 0;
		}
		int first = c;
		int start = this.snapshot.choiceStart[this.snapshot.choiceStudent[c]];
		while (first > start && this.snapshot.choiceBatch[first - 1] == this.snapshot.choiceBatch[c]) {
			first--;
		}
		return c - first + 1;
	}

	private static long key(int x, int batch, int round) {
		return ((long) x << 40) | ((long) batch << 20) | round;
	}

	private final class Cell {

		private final int batch;

		private final int round;

		private int count;

		private int worst = -1;

		Cell(int batch, int round) {
			this.batch = batch;
			this.round = round;
		}

		int batch() {
			return this.batch;
		}

		int round() {
			return this.round;
		}

		void admit(int c) {
			this.count++;
			if (this.worst < 0 || follows(c, this.worst)) {
				this.worst = c;
			}
		}

		private boolean follows(int a, int b) {
			int[] tier = Cutoffs.this.snapshot.choiceTier;
			if (tier[a] != tier[b]) {
				return tier[a] > tier[b];
			}
			long[] order = Cutoffs.this.choiceOrder;
			if (order[a] != order[b]) {
				return order[a] > order[b];
			}
			return Cutoffs.this.snapshot.choiceStudent[a] > Cutoffs.this.snapshot.choiceStudent[b];
		}

	}

}
