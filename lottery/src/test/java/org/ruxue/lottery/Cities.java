package org.ruxue.lottery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Named snapshots for tests: the example of LOTTERY.md, and small random cities that
 * exercise every corner of the format (zero seats, no choices, empty and trailing
 * batches, ties in tier).
 */
final class Cities {

	static final String EXAMPLE_TEXT = """
			ruxue-lottery/1
			mechanism: deferred-acceptance
			tie-breaking: single
			school S001 120
			school S002 80
			school S004 30
			school S009 45
			student 7f3a9c01 S004:0 | S002:0 S001:1 | S009:0
			student 9b20aa17 S001:0
			student c0ffee00 | S002:2
			""";

	static final String EXAMPLE_ENTROPY = "2017-07-05 notary draw 07 19 23 31 42 08";

	private Cities() {
	}

	static byte[] exampleBytes() {
		return EXAMPLE_TEXT.getBytes(StandardCharsets.UTF_8);
	}

	static Snapshot example() {
		return SnapshotParser.parse(exampleBytes());
	}

	/** A small random city whose seats are scarce, so schools must choose. */
	static Snapshot random(long seed, Mechanism mechanism, TieBreaking tieBreaking) {
		return SnapshotParser.parse(randomText(seed, mechanism, tieBreaking).getBytes(StandardCharsets.US_ASCII));
	}

	static String randomText(long seed, Mechanism mechanism, TieBreaking tieBreaking) {
		Random random = new Random(seed);
		int schools = 1 + random.nextInt(5);
		int students = random.nextInt(13);
		StringBuilder text = new StringBuilder(
				"ruxue-lottery/1\nmechanism: " + mechanism.token() + "\ntie-breaking: " + tieBreaking.token() + "\n");
		List<String> codes = new ArrayList<>();
		for (int x = 0; x < schools; x++) {
			codes.add("X" + x);
			text.append("school X").append(x).append(' ').append(random.nextInt(4)).append('\n');
		}
		int batches = 1 + random.nextInt(3);
		for (int s = 0; s < students; s++) {
			text.append("student s").append((char) ('a' + s));
			List<String> listed = new ArrayList<>(codes);
			Collections.shuffle(listed, random);
			int count = random.nextInt(schools + 1);
			int batch = 0;
			for (int i = 0; i < count; i++) {
				int target = Math.max(batch, Math.min(batches - 1, batch + ((random.nextInt(3) == 0) ? 1 : 0)));
				for (; batch < target; batch++) {
					text.append(" |");
				}
				text.append(' ').append(listed.get(i)).append(':').append(random.nextInt(3));
			}
			int trailing = random.nextInt(batches);
			for (; batch < trailing; batch++) {
				text.append(" |");
			}
			text.append('\n');
		}
		return text.toString();
	}

}
