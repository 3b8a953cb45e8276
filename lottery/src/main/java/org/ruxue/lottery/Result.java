package org.ruxue.lottery;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The outcome of a draw (LOTTERY.md section 4): one line per student, written byte for
 * byte as every correct implementation writes it.
 */
public final class Result {

	private static final String HEADER = "ruxue-lottery-result/1";

	private final Snapshot snapshot;

	private final String entropy;

	private final byte[] seed;

	private final long[] studentNumbers;

	private final long[] choiceOrder;

	private final int[] placed;

	private volatile Cutoffs cutoffs;

	Result(Snapshot snapshot, String entropy, byte[] seed, long[] studentNumbers, long[] choiceOrder, int[] placed) {
		this.snapshot = snapshot;
		this.entropy = entropy;
		this.seed = seed;
		this.studentNumbers = studentNumbers;
		this.choiceOrder = choiceOrder;
		this.placed = placed;
	}

	public Snapshot snapshot() {
		return this.snapshot;
	}

	public String entropy() {
		return this.entropy;
	}

	/** The seed as 64 lowercase hex digits. */
	public String seed() {
		return Hex.of(this.seed);
	}

	/** The student's placement, or empty when the student was not placed. */
	public Optional<Placement> placement(String studentId) {
		int s = this.snapshot.requireStudent(studentId);
		int c = this.placed[s];
		if (c < 0) {
			return Optional.empty();
		}
		return Optional.of(new Placement(this.snapshot.schoolCodes[this.snapshot.choiceSchool[c]],
				c - this.snapshot.choiceStart[s] + 1, this.snapshot.choiceBatch[c] + 1));
	}

	/** The NUMBER the result prints for the student, as 16 lowercase hex digits. */
	public String number(String studentId) {
		return Hex.of(this.studentNumbers[this.snapshot.requireStudent(studentId)]);
	}

	public int placedCount() {
		int count = 0;
		for (int c : this.placed) {
			count += (c >= 0) ? 1 : 0;
		}
		return count;
	}

	/** Why the student was placed where they were, choice by choice, for their family. */
	public Explanation explain(String studentId) {
		int s = this.snapshot.requireStudent(studentId);
		Cutoffs known = this.cutoffs;
		if (known == null) {
			known = new Cutoffs(this.snapshot, this.placed, this.choiceOrder);
			this.cutoffs = known;
		}
		return known.explain(s);
	}

	/** The canonical bytes of the result. */
	public byte[] write() {
		return lines().toByteArray();
	}

	public void writeTo(OutputStream out) throws IOException {
		lines().writeTo(out);
	}

	private AsciiBuffer lines() {
		Snapshot s = this.snapshot;
		AsciiBuffer out = new AsciiBuffer(s.studentCount() * 48 + 256);
		out.ascii(HEADER).ascii("\nsnapshot: ").ascii(s.hash()).ascii("\nentropy: ").utf8(this.entropy);
		out.ascii("\nseed: ").ascii(seed()).ascii('\n');
		for (int student = 0; student < s.studentCount(); student++) {
			int c = this.placed[student];
			if (c >= 0) {
				out.ascii("placed ").ascii(s.studentIds[student]).ascii(' ').ascii(s.schoolCodes[s.choiceSchool[c]]);
				out.ascii(' ').number(c - s.choiceStart[student] + 1).ascii(' ');
			}
			else {
				out.ascii("unplaced ").ascii(s.studentIds[student]).ascii(" - 0 ");
			}
			out.hex(this.studentNumbers[student]).ascii('\n');
		}
		return out;
	}

}
