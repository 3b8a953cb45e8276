package org.ruxue.lottery;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Estimated chances: for each student and each school on their list, the share of
 * simulated runs that placed the student there.
 */
public final class Simulation {

	private final Snapshot snapshot;

	private final int runs;

	/**
	 * Per choice the runs placing its student there, then per student the runs leaving it
	 * unplaced.
	 */
	private final int[] counts;

	Simulation(Snapshot snapshot, int runs, int[] counts) {
		this.snapshot = snapshot;
		this.runs = runs;
		this.counts = counts;
	}

	public int runs() {
		return this.runs;
	}

	/**
	 * The share of runs placing the student at the school; 0 for a school not on the
	 * list.
	 */
	public double share(String studentId, String school) {
		int s = this.snapshot.requireStudent(studentId);
		for (int c = this.snapshot.choiceStart[s]; c < this.snapshot.choiceStart[s + 1]; c++) {
			if (this.snapshot.schoolCodes[this.snapshot.choiceSchool[c]].equals(school)) {
				return (double) this.counts[c] / this.runs;
			}
		}
		return 0;
	}

	public double unplacedShare(String studentId) {
		int s = this.snapshot.requireStudent(studentId);
		return (double) this.counts[this.snapshot.choiceCount() + s] / this.runs;
	}

	/**
	 * CSV {@code id,school,share}: one row per student and listed school in list order,
	 * then a row with school {@code -} for the share of runs leaving the student
	 * unplaced; shares have six decimals.
	 */
	public void writeCsv(OutputStream out) throws IOException {
		AsciiBuffer csv = new AsciiBuffer(this.counts.length * 32);
		csv.ascii("id,school,share\n");
		for (int s = 0; s < this.snapshot.studentCount(); s++) {
			String id = this.snapshot.studentIds[s];
			for (int c = this.snapshot.choiceStart[s]; c < this.snapshot.choiceStart[s + 1]; c++) {
				row(csv, id, this.snapshot.schoolCodes[this.snapshot.choiceSchool[c]], this.counts[c]);
			}
			row(csv, id, "-", this.counts[this.snapshot.choiceCount() + s]);
		}
		csv.writeTo(out);
	}

	private void row(AsciiBuffer csv, String id, String school, int count) {
		long millionths = (count * 2_000_000L + this.runs) / (2L * this.runs);
		String fraction = Long.toString(1_000_000 + millionths % 1_000_000).substring(1);
		csv.ascii(id).ascii(',').ascii(school).ascii(',').number((int) (millionths / 1_000_000)).ascii('.');
		csv.ascii(fraction).ascii('\n');
	}

}
