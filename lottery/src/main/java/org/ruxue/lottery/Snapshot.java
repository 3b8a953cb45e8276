package org.ruxue.lottery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The frozen input of a draw (LOTTERY.md section 1): schools with capacities and students
 * with their choices, held as sparse primitive arrays so that a city of half a million
 * students costs a few tens of megabytes.
 *
 * <p>
 * Students and schools are indexed in byte order of their ids, so comparing indexes
 * compares ids. A student's choices are a contiguous slice of the choice arrays, most
 * preferred first.
 */
public final class Snapshot {

	final Mechanism mechanism;

	final TieBreaking tieBreaking;

	final String[] schoolCodes;

	final int[] capacities;

	final String[] studentIds;

	/**
	 * Student s owns choices {@code choiceStart[s]} (inclusive) to
	 * {@code choiceStart[s + 1]}.
	 */
	final int[] choiceStart;

	final int[] choiceSchool;

	final int[] choiceTier;

	/** 0-based batch of each choice, non-decreasing along a student's slice. */
	final int[] choiceBatch;

	final int[] choiceStudent;

	/** How many {@code |} tokens each student's line has, so the writer reproduces it. */
	final int[] separators;

	final int batchCount;

	private final byte[] bytes;

	private final String hash;

	Snapshot(Mechanism mechanism, TieBreaking tieBreaking, String[] schoolCodes, int[] capacities, String[] studentIds,
			int[] choiceStart, int[] choiceSchool, int[] choiceTier, int[] choiceBatch, int[] separators,
			byte[] bytes) {
		this.mechanism = mechanism;
		this.tieBreaking = tieBreaking;
		this.schoolCodes = schoolCodes;
		this.capacities = capacities;
		this.studentIds = studentIds;
		this.choiceStart = choiceStart;
		this.choiceSchool = choiceSchool;
		this.choiceTier = choiceTier;
		this.choiceBatch = choiceBatch;
		this.separators = separators;
		this.bytes = bytes;
		this.hash = Hex.of(Sha256.digest(bytes));
		this.choiceStudent = new int[choiceSchool.length];
		int batches = 1;
		for (int s = 0; s < studentIds.length; s++) {
			Arrays.fill(this.choiceStudent, choiceStart[s], choiceStart[s + 1], s);
			batches = Math.max(batches, separators[s] + 1);
		}
		this.batchCount = batches;
	}

	/** Starts a snapshot built in memory, as the app does from its registrations. */
	public static Builder builder(Mechanism mechanism, TieBreaking tieBreaking) {
		return new Builder(mechanism, tieBreaking);
	}

	public Mechanism mechanism() {
		return this.mechanism;
	}

	public TieBreaking tieBreaking() {
		return this.tieBreaking;
	}

	/** The commitment published before the draw: SHA-256 of the snapshot's bytes. */
	public String hash() {
		return this.hash;
	}

	/** The snapshot's canonical bytes, exactly those that {@link #hash()} covers. */
	public byte[] bytes() {
		return this.bytes.clone();
	}

	public int schoolCount() {
		return this.schoolCodes.length;
	}

	public int studentCount() {
		return this.studentIds.length;
	}

	/** How many batches the longest student line has ({@code |} tokens plus one). */
	public int batchCount() {
		return this.batchCount;
	}

	public List<String> schools() {
		return Collections.unmodifiableList(Arrays.asList(this.schoolCodes));
	}

	public List<String> students() {
		return Collections.unmodifiableList(Arrays.asList(this.studentIds));
	}

	public int capacity(String school) {
		return this.capacities[requireSchool(school)];
	}

	public boolean hasStudent(String studentId) {
		return studentIndex(studentId) >= 0;
	}

	/** The student's choices, most preferred first, each with its 1-based batch. */
	public List<Choice> choices(String studentId) {
		int s = requireStudent(studentId);
		List<Choice> choices = new ArrayList<>();
		for (int c = this.choiceStart[s]; c < this.choiceStart[s + 1]; c++) {
			choices
				.add(new Choice(this.schoolCodes[this.choiceSchool[c]], this.choiceTier[c], this.choiceBatch[c] + 1));
		}
		return List.copyOf(choices);
	}

	int studentIndex(String studentId) {
		return Arrays.binarySearch(this.studentIds, studentId);
	}

	int schoolIndex(String school) {
		return Arrays.binarySearch(this.schoolCodes, school);
	}

	int requireStudent(String studentId) {
		int s = studentIndex(studentId);
		if (s < 0) {
			throw new IllegalArgumentException("no student '" + studentId + "' in this snapshot");
		}
		return s;
	}

	private int requireSchool(String school) {
		int x = schoolIndex(school);
		if (x < 0) {
			throw new IllegalArgumentException("no school '" + school + "' in this snapshot");
		}
		return x;
	}

	int choiceCount() {
		return this.choiceSchool.length;
	}

	/**
	 * Collects schools and students in any order and produces the canonical snapshot; the
	 * result goes through {@link SnapshotParser}, so a built snapshot obeys exactly the
	 * rules a published file does.
	 */
	public static final class Builder {

		private final Mechanism mechanism;

		private final TieBreaking tieBreaking;

		private final List<SnapshotWriter.SchoolLine> schools = new ArrayList<>();

		private final List<SnapshotWriter.StudentLine> students = new ArrayList<>();

		private Builder(Mechanism mechanism, TieBreaking tieBreaking) {
			this.mechanism = mechanism;
			this.tieBreaking = tieBreaking;
		}

		public Builder school(String code, int capacity) {
			Tokens.requireName("school code", code);
			Tokens.requireNumber("capacity of " + code, capacity);
			this.schools.add(new SnapshotWriter.SchoolLine(code, capacity));
			return this;
		}

		/**
		 * Adds a student; choices are most preferred first, their batches non-decreasing.
		 */
		public Builder student(String id, List<Choice> choices) {
			Tokens.requireName("student id", id);
			int batch = 1;
			for (Choice choice : choices) {
				Tokens.requireName("school code", choice.school());
				Tokens.requireNumber("tier of " + id + " at " + choice.school(), choice.tier());
				if (choice.batch() < batch) {
					throw new IllegalArgumentException("student '" + id + "': batch " + choice.batch()
							+ " listed after batch " + batch + "; list choices batch by batch");
				}
				batch = choice.batch();
			}
			this.students.add(new SnapshotWriter.StudentLine(id, List.copyOf(choices), batch - 1));
			return this;
		}

		public Builder student(String id, Choice... choices) {
			return student(id, List.of(choices));
		}

		public Snapshot build() {
			List<SnapshotWriter.SchoolLine> sortedSchools = new ArrayList<>(this.schools);
			sortedSchools.sort((a, b) -> a.code().compareTo(b.code()));
			List<SnapshotWriter.StudentLine> sortedStudents = new ArrayList<>(this.students);
			sortedStudents.sort((a, b) -> a.id().compareTo(b.id()));
			byte[] bytes = SnapshotWriter.write(this.mechanism, this.tieBreaking, sortedSchools, sortedStudents);
			try {
				return SnapshotParser.parse(bytes);
			}
			catch (InvalidSnapshotException ex) {
				throw new IllegalArgumentException(describe(ex, sortedSchools, sortedStudents), ex);
			}
		}

		private static String describe(InvalidSnapshotException ex, List<SnapshotWriter.SchoolLine> schools,
				List<SnapshotWriter.StudentLine> students) {
			int index = ex.line() - 4;
			if (index >= 0 && index < schools.size()) {
				return "school '" + schools.get(index).code() + "': " + ex.reason();
			}
			index -= schools.size();
			if (index >= 0 && index < students.size()) {
				return "student '" + students.get(index).id() + "': " + ex.reason();
			}
			return ex.reason();
		}

	}

}
