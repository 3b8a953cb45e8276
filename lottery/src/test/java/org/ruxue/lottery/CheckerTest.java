package org.ruxue.lottery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The independent check catches results that a buggy or dishonest draw could publish. */
class CheckerTest {

	private static final String ENTROPY = "check 11 12 13";

	@Test
	void namesAStudentWhoWasLeftOutWhileASeatStayedFree() throws IOException {
		Snapshot snapshot = SnapshotParser.parse(GoldenDrawTest.golden("da-single-tiers.snapshot"));
		String corrupted = golden("da-single-tiers").replace("placed s2 A 1", "unplaced s2 - 0");
		Verdict verdict = Checker.check(snapshot, corrupted.getBytes(StandardCharsets.UTF_8));
		// s1 wanted A too, and its line comes first
		assertThat(verdict.describe())
			.isEqualTo("line 5: student 's1' and school A block in batch 1: the school still had a free seat");
	}

	@Test
	void namesABlockingPairWhenASchoolTakesAWeakerStudent() throws IOException {
		// s3 and s4 swap: B now holds s4 (tier 1, e2d1…) while s3 (tier 1, 0460…) wanted
		// B
		Snapshot snapshot = SnapshotParser.parse(GoldenDrawTest.golden("da-single-tiers.snapshot"));
		String corrupted = golden("da-single-tiers").replace("placed s3 B 3", "unplaced s3 - 0")
			.replace("unplaced s4 - 0", "placed s4 B 1");
		Verdict verdict = Checker.check(snapshot, corrupted.getBytes(StandardCharsets.UTF_8));
		assertThat(verdict.describe()).isEqualTo(
				"line 7: student 's3' and school B block in batch 1: the school placed 's4', whom it ranks lower");
	}

	@Test
	void namesAnImmediateAcceptanceRoundThatSkippedAStrongerApplicant() throws IOException {
		// K admitted v1 and v2 in round 1; giving v4's seat instead of v1's is out of
		// order
		Snapshot snapshot = SnapshotParser.parse(GoldenDrawTest.golden("ia-multiple-tiers.snapshot"));
		String corrupted = golden("ia-multiple-tiers").replace("placed v1 K 1", "unplaced v1 - 0")
			.replace("unplaced v4 - 0", "placed v4 K 1");
		Verdict verdict = Checker.check(snapshot, corrupted.getBytes(StandardCharsets.UTF_8));
		assertThat(verdict.describe()).isEqualTo("line 5: student 'v1' was turned away by K in batch 1, round 1, "
				+ "yet it admitted 'v4', whom it ranks lower, in that round");
	}

	@Test
	void refusesAResultForAnotherSnapshot() throws IOException {
		Snapshot snapshot = SnapshotParser.parse(GoldenDrawTest.golden("da-single-tiers.snapshot"));
		Verdict verdict = Checker.check(snapshot, GoldenDrawTest.golden("da-single-contrast.result"));
		assertThat(verdict.line()).isEqualTo(2);
	}

	@Property(tries = 300)
	void refusesEveryCorruptedDraw(@ForAll long city, @ForAll Mechanism mechanism, @ForAll TieBreaking tieBreaking,
			@ForAll @IntRange(min = 0, max = 8) int kind, @ForAll long where) {
		Snapshot snapshot = Cities.random(city, mechanism, tieBreaking);
		List<String> lines = new ArrayList<>(
				new String(Draw.run(snapshot, ENTROPY).write(), StandardCharsets.UTF_8).lines().toList());
		Random random = new Random(where);
		String corrupted = corrupt(kind, lines, snapshot, random);
		Assume.that(corrupted != null);
		Verdict verdict = Checker.check(snapshot, corrupted.getBytes(StandardCharsets.UTF_8));
		assertThat(verdict.passed()).as("corruption %d of\n%s", kind, corrupted).isFalse();
	}

	/** One of several ways to spoil a result, or null when it does not apply. */
	private static String corrupt(int kind, List<String> lines, Snapshot snapshot, Random random) {
		List<Integer> placed = new ArrayList<>();
		List<Integer> unplacedWithChoices = new ArrayList<>();
		for (int i = 4; i < lines.size(); i++) {
			String[] tokens = lines.get(i).split(" ");
			if (tokens[0].equals("placed")) {
				placed.add(i);
			}
			else if (!snapshot.choices(tokens[1]).isEmpty()) {
				unplacedWithChoices.add(i);
			}
		}
		boolean students = lines.size() > 4;
		UnaryOperator<String> firstChoice = (line) -> {
			String[] t = line.split(" ");
			return "placed " + t[1] + " " + snapshot.choices(t[1]).get(0).school() + " 1 " + t[4];
		};
		switch (kind) {
			case 0 -> {
				if (placed.isEmpty()) {
					return null;
				}
				int i = placed.get(random.nextInt(placed.size()));
				String[] t = lines.get(i).split(" ");
				lines.set(i, "unplaced " + t[1] + " - 0 " + t[4]);
			}
			case 1 -> {
				if (unplacedWithChoices.isEmpty()) {
					return null;
				}
				int i = unplacedWithChoices.get(random.nextInt(unplacedWithChoices.size()));
				lines.set(i, firstChoice.apply(lines.get(i)));
			}
			case 2 -> {
				if (!students) {
					return null;
				}
				int i = 4 + random.nextInt(lines.size() - 4);
				String line = lines.get(i);
				char last = line.charAt(line.length() - 1);
				lines.set(i, line.substring(0, line.length() - 1) + ((last == '0') ? '1' : '0'));
			}
			case 3 -> {
				if (placed.isEmpty()) {
					return null;
				}
				int i = placed.get(random.nextInt(placed.size()));
				String[] t = lines.get(i).split(" ");
				lines.set(i, String.join(" ", t[0], t[1], t[2], Integer.toString(Integer.parseInt(t[3]) + 1), t[4]));
			}
			case 4 -> {
				if (!students) {
					return null;
				}
				lines.remove(4 + random.nextInt(lines.size() - 4));
			}
			case 5 -> {
				if (lines.size() < 6) {
					return null;
				}
				int i = 4 + random.nextInt(lines.size() - 5);
				lines.add(i + 1, lines.remove(i));
			}
			case 6 -> lines.set(2, lines.get(2) + "!");
			case 7 -> lines.set(3, "seed: " + "0".repeat(64));
			default -> {
				if (placed.isEmpty() || snapshot.schoolCount() < 2) {
					return null;
				}
				int i = placed.get(random.nextInt(placed.size()));
				String[] t = lines.get(i).split(" ");
				String other = snapshot.schools()
					.stream()
					.filter((code) -> snapshot.choices(t[1]).stream().noneMatch((c) -> c.school().equals(code)))
					.findFirst()
					.orElse(null);
				if (other == null) {
					return null;
				}
				lines.set(i, String.join(" ", t[0], t[1], other, t[3], t[4]));
			}
		}
		return String.join("\n", lines) + "\n";
	}

	private static String golden(String name) throws IOException {
		return new String(GoldenDrawTest.golden(name + ".result"), StandardCharsets.UTF_8);
	}

}
