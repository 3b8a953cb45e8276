package org.ruxue.lottery;

import java.util.List;

/** Writes snapshots in the canonical form of LOTTERY.md section 1. */
public final class SnapshotWriter {

	private SnapshotWriter() {
	}

	/** The snapshot's canonical bytes, regenerated from its contents. */
	public static byte[] write(Snapshot snapshot) {
		AsciiBuffer out = header(snapshot.mechanism, snapshot.tieBreaking, snapshot.choiceCount() * 8);
		for (int x = 0; x < snapshot.schoolCodes.length; x++) {
			out.ascii("school ").ascii(snapshot.schoolCodes[x]).ascii(' ').number(snapshot.capacities[x]).ascii('\n');
		}
		for (int s = 0; s < snapshot.studentIds.length; s++) {
			out.ascii("student ").ascii(snapshot.studentIds[s]);
			int batch = 0;
			for (int c = snapshot.choiceStart[s]; c < snapshot.choiceStart[s + 1]; c++) {
				batch = separate(out, batch, snapshot.choiceBatch[c]);
				out.ascii(' ')
					.ascii(snapshot.schoolCodes[snapshot.choiceSchool[c]])
					.ascii(':')
					.number(snapshot.choiceTier[c]);
			}
			separate(out, batch, snapshot.separators[s]);
			out.ascii('\n');
		}
		return out.toByteArray();
	}

	static byte[] write(Mechanism mechanism, TieBreaking tieBreaking, List<SchoolLine> schools,
			List<StudentLine> students) {
		AsciiBuffer out = header(mechanism, tieBreaking, students.size() * 64);
		for (SchoolLine school : schools) {
			out.ascii("school ").ascii(school.code()).ascii(' ').number(school.capacity()).ascii('\n');
		}
		for (StudentLine student : students) {
			out.ascii("student ").ascii(student.id());
			int batch = 0;
			for (Choice choice : student.choices()) {
				batch = separate(out, batch, choice.batch() - 1);
				out.ascii(' ').ascii(choice.school()).ascii(':').number(choice.tier());
			}
			separate(out, batch, student.separators());
			out.ascii('\n');
		}
		return out.toByteArray();
	}

	private static AsciiBuffer header(Mechanism mechanism, TieBreaking tieBreaking, int expected) {
		return new AsciiBuffer(expected).ascii("ruxue-lottery/1\nmechanism: ")
			.ascii(mechanism.token())
			.ascii("\ntie-breaking: ")
			.ascii(tieBreaking.token())
			.ascii('\n');
	}

	private static int separate(AsciiBuffer out, int from, int to) {
		for (int b = from; b < to; b++) {
			out.ascii(" |");
		}
		return Math.max(from, to);
	}

	record SchoolLine(String code, int capacity) {
	}

	record StudentLine(String id, List<Choice> choices, int separators) {
	}

}
