package org.ruxue.lottery;

import java.util.Arrays;

/**
 * Runs the batches of LOTTERY.md section 3 over a snapshot and one lottery number per
 * choice.
 *
 * <p>
 * Everything lives in primitive arrays sized once per snapshot and reused for every run
 * (the simulator runs thousands): per school a heap of the applicants it holds, worst on
 * top, in a region no larger than its free seats or its applicants; per student a cursor
 * into its slice of choices. A proposal allocates nothing. One instance is not
 * thread-safe.
 */
final class Allocation {

	private final Snapshot snapshot;

	private final int[] school;

	private final int[] tier;

	private final int[] owner;

	/**
	 * Per choice: the lottery number with its sign bit flipped, so signed order is
	 * unsigned order.
	 */
	private long[] order;

	/**
	 * Per choice: tier and the number's top 33 bits in one long, which settles almost
	 * every comparison with one memory read; ties fall back to the full order.
	 */
	private final long[] rank;

	private final int[] placed;

	private final int[] cursor;

	private final int[] next;

	private final int[] end;

	private final int[] participants;

	private final int[] stack;

	private final int[] free;

	private final int[] limit;

	private final int[] base;

	private final int[] size;

	private final int[] heap;

	private final int[] touched;

	Allocation(Snapshot snapshot) {
		this.snapshot = snapshot;
		this.school = snapshot.choiceSchool;
		this.tier = snapshot.choiceTier;
		this.owner = snapshot.choiceStudent;
		int students = snapshot.studentCount();
		int schools = snapshot.schoolCount();
		this.placed = new int[students];
		this.cursor = new int[students];
		this.next = new int[students];
		this.end = new int[students];
		this.participants = new int[students];
		this.stack = new int[students];
		this.free = new int[schools];
		this.limit = new int[schools];
		this.base = new int[schools];
		this.size = new int[schools];
		this.touched = new int[schools];
		this.heap = new int[snapshot.choiceCount()];
		this.rank = new long[snapshot.choiceCount()];
	}

	/**
	 * Places the students; returns per student the index of the choice it was placed at,
	 * or -1. The array is reused by the next run.
	 */
	int[] run(long[] numbers) {
		this.order = numbers;
		for (int c = 0; c < this.rank.length; c++) {
			this.rank[c] = ((long) this.tier[c] << 33) | ((numbers[c] ^ Long.MIN_VALUE) >>> 31);
		}
		Arrays.fill(this.placed, -1);
		System.arraycopy(this.snapshot.choiceStart, 0, this.cursor, 0, this.cursor.length);
		System.arraycopy(this.snapshot.capacities, 0, this.free, 0, this.free.length);
		for (int batch = 0; batch < this.snapshot.batchCount; batch++) {
			int count = enter(batch);
			if (count > 0) {
				reserve(count);
				if (this.snapshot.mechanism == Mechanism.DEFERRED_ACCEPTANCE) {
					deferredAcceptance(count);
				}
				else {
					immediateAcceptance(count);
				}
			}
		}
		return this.placed;
	}

	/** Lists the unplaced students with a choice in this batch and their slices. */
	private int enter(int batch) {
		int[] start = this.snapshot.choiceStart;
		int[] choiceBatch = this.snapshot.choiceBatch;
		int count = 0;
		for (int s = 0; s < this.placed.length; s++) {
			int from = this.cursor[s];
			int to = from;
			int last = start[s + 1];
			while (to < last && choiceBatch[to] == batch) {
				to++;
			}
			this.cursor[s] = to;
			if (to > from && this.placed[s] < 0) {
				this.next[s] = from;
				this.end[s] = to;
				this.participants[count++] = s;
			}
		}
		return count;
	}

	/** Gives each school a heap region as large as it can need in this batch. */
	private void reserve(int count) {
		Arrays.fill(this.limit, 0);
		for (int i = 0; i < count; i++) {
			int s = this.participants[i];
			for (int c = this.next[s]; c < this.end[s]; c++) {
				this.limit[this.school[c]]++;
			}
		}
		int offset = 0;
		for (int x = 0; x < this.limit.length; x++) {
			this.limit[x] = Math.min(this.limit[x], this.free[x]);
			this.base[x] = offset;
			this.size[x] = 0;
			offset += this.limit[x];
		}
	}

	private void deferredAcceptance(int count) {
		int top = 0;
		for (int i = count - 1; i >= 0; i--) {
			this.stack[top++] = this.participants[i];
		}
		while (top > 0) {
			int s = this.stack[--top];
			int c = this.next[s];
			int last = this.end[s];
			for (; c < last; c++) {
				int displaced = propose(c, this.limit[this.school[c]]);
				if (displaced != REJECTED) {
					if (displaced >= 0) {
						this.next[this.owner[displaced]] = displaced + 1;
						this.stack[top++] = this.owner[displaced];
					}
					break;
				}
			}
			this.next[s] = c;
		}
		for (int x = 0; x < this.limit.length; x++) {
			admit(x);
		}
	}

	private void immediateAcceptance(int count) {
		int active = count;
		for (int round = 0; active > 0; round++) {
			int touchedCount = 0;
			for (int i = 0; i < active; i++) {
				int c = this.next[this.participants[i]] + round;
				int x = this.school[c];
				if (this.size[x] == 0 && Math.min(this.free[x], this.limit[x]) > 0) {
					this.touched[touchedCount++] = x;
				}
				propose(c, Math.min(this.free[x], this.limit[x]));
			}
			for (int i = 0; i < touchedCount; i++) {
				admit(this.touched[i]);
			}
			active = stillActive(active, round + 1);
		}
	}

	/** Keeps the students who are unplaced and have a choice for the coming round. */
	private int stillActive(int active, int round) {
		int kept = 0;
		for (int i = 0; i < active; i++) {
			int s = this.participants[i];
			if (this.placed[s] < 0 && this.next[s] + round < this.end[s]) {
				this.participants[kept++] = s;
			}
		}
		return kept;
	}

	private static final int REJECTED = -2;

	private static final int HELD = -1;

	/**
	 * Choice c applies to its school, which holds at most {@code seats}; returns
	 * {@link #HELD}, {@link #REJECTED}, or the held choice that c displaced.
	 */
	private int propose(int c, int seats) {
		int x = this.school[c];
		int held = this.size[x];
		if (held < seats) {
			siftUp(this.base[x], held, c);
			this.size[x] = held + 1;
			return HELD;
		}
		if (seats == 0) {
			return REJECTED;
		}
		int worst = this.heap[this.base[x]];
		if (!precedes(c, worst)) {
			return REJECTED;
		}
		siftDown(this.base[x], held, c);
		return worst;
	}

	/** Makes the school's held applicants final and frees its heap. */
	private void admit(int x) {
		int from = this.base[x];
		int held = this.size[x];
		for (int i = from; i < from + held; i++) {
			this.placed[this.owner[this.heap[i]]] = this.heap[i];
		}
		this.free[x] -= held;
		this.size[x] = 0;
	}

	/**
	 * The school's order: tier, then lottery number, then id (student index is id order).
	 */
	private boolean precedes(int a, int b) {
		if (this.rank[a] != this.rank[b]) {
			return this.rank[a] < this.rank[b];
		}
		if (this.order[a] != this.order[b]) {
			return this.order[a] < this.order[b];
		}
		return this.owner[a] < this.owner[b];
	}

	private void siftUp(int from, int i, int c) {
		while (i > 0) {
			int parent = (i - 1) >>> 1;
			int p = this.heap[from + parent];
			if (!precedes(p, c)) {
				break;
			}
			this.heap[from + i] = p;
			i = parent;
		}
		this.heap[from + i] = c;
	}

	/** Puts c at the root of a full heap of {@code n} and restores worst-on-top order. */
	private void siftDown(int from, int n, int c) {
		int i = 0;
		while (true) {
			int child = 2 * i + 1;
			if (child >= n) {
				break;
			}
			if (child + 1 < n && precedes(this.heap[from + child], this.heap[from + child + 1])) {
				child++;
			}
			int worse = this.heap[from + child];
			if (!precedes(c, worse)) {
				break;
			}
			this.heap[from + i] = worse;
			i = child;
		}
		this.heap[from + i] = c;
	}

}
