package org.ruxue.lottery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LOTTERY.md promises that a second implementation in any language gets the same result.
 * This holds us to it: {@code src/test/python/reference_draw.py}, written from LOTTERY.md
 * alone (Python's hashlib and hmac, nothing shared with this module), must produce
 * byte-identical results on random instances of both mechanisms and both tie-breakings,
 * with tiers, batches, empty batches, zero capacities and students without choices.
 */
class IndependentImplementationTest {

	private static final Path REFERENCE = Path.of("src/test/python/reference_draw.py");

	@TempDir
	Path directory;

	@Test
	void aPythonImplementationOfTheSpecDrawsByteIdenticalResults() throws Exception {
		int compared = 0;
		for (Mechanism mechanism : Mechanism.values()) {
			for (TieBreaking tieBreaking : TieBreaking.values()) {
				for (int seed = 1; seed <= 30; seed++) {
					byte[] snapshot = randomSnapshot(
							new Random(seed * 31L + mechanism.ordinal() * 7 + tieBreaking.ordinal()), mechanism,
							tieBreaking);
					String entropy = "notary draw " + seed + " 07 19 23 中文";
					byte[] ours = Draw.run(SnapshotParser.parse(snapshot), entropy).write();

					assertThat(new String(reference(snapshot, entropy), StandardCharsets.UTF_8))
						.as("%s %s seed %d, snapshot:%n%s", mechanism, tieBreaking, seed,
								new String(snapshot, StandardCharsets.UTF_8))
						.isEqualTo(new String(ours, StandardCharsets.UTF_8));
					compared++;
				}
			}
		}
		assertThat(compared).isEqualTo(120);
	}

	private byte[] reference(byte[] snapshot, String entropy) throws IOException, InterruptedException {
		Path file = Files.write(directory.resolve("snapshot.txt"), snapshot);
		Path entropyFile = Files.writeString(directory.resolve("entropy.txt"), entropy + "\n", StandardCharsets.UTF_8);
		Process python = new ProcessBuilder(python(), REFERENCE.toString(), file.toString(), entropyFile.toString())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		byte[] output = python.getInputStream().readAllBytes();
		assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(python.exitValue()).as("python3 %s", REFERENCE).isZero();
		return output;
	}

	/**
	 * Small, dense instances: many ties at few seats are where implementations differ.
	 */
	private static byte[] randomSnapshot(Random random, Mechanism mechanism, TieBreaking tieBreaking) {
		String mechanismName = (mechanism == Mechanism.DEFERRED_ACCEPTANCE) ? "deferred-acceptance"
				: "immediate-acceptance";
		String tieName = (tieBreaking == TieBreaking.SINGLE) ? "single" : "multiple";
		StringBuilder text = new StringBuilder(
				"ruxue-lottery/1\nmechanism: " + mechanismName + "\ntie-breaking: " + tieName + "\n");
		TreeSet<String> codes = new TreeSet<>();
		int schools = 1 + random.nextInt(8);
		while (codes.size() < schools) {
			codes.add(String.format("S%03d", random.nextInt(1000)));
		}
		for (String code : codes) {
			text.append("school ").append(code).append(' ').append(random.nextInt(7)).append('\n');
		}
		TreeSet<String> ids = new TreeSet<>();
		int students = random.nextInt(41);
		while (ids.size() < students) {
			ids.add(String.format("%08x", random.nextInt()));
		}
		for (String id : ids) {
			List<String> chosen = new ArrayList<>(codes);
			Collections.shuffle(chosen, random);
			chosen = chosen.subList(0, random.nextInt(Math.min(5, codes.size()) + 1));
			int batches = 1 + random.nextInt(3);
			List<List<String>> groups = new ArrayList<>();
			for (int b = 0; b < batches; b++) {
				groups.add(new ArrayList<>());
			}
			for (String code : chosen) {
				groups.get(random.nextInt(batches)).add(code + ":" + random.nextInt(4));
			}
			text.append("student ").append(id);
			for (int b = 0; b < batches; b++) {
				if (b > 0) {
					text.append(" |");
				}
				groups.get(b).forEach(choice -> text.append(' ').append(choice));
			}
			text.append('\n');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Debian's interpreter when there is one: it starts faster than a version manager's
	 * shim.
	 */
	private static String python() {
		return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
	}

}
