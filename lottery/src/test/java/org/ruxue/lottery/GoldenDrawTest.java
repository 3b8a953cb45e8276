package org.ruxue.lottery;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small draws worked by hand. Each snapshot and its expected result are in
 * {@code src/test/resources/golden}; the entropy is always {@code golden}. The lottery
 * numbers below were computed with {@code openssl dgst -sha256 -mac HMAC} from each
 * file's seed (lower number ranks higher within a tier; lower tier ranks higher).
 */
class GoldenDrawTest {

	private static final String ENTROPY = "golden";

	/**
	 * Deferred acceptance, single tie-breaking, tiers, a school with no seats, a student
	 * with no choices. Seats A 1, B 2, Z 0. Numbers: s1 52f5…, s2 63e5…, s3 0460…, s4
	 * e2d1…, s5 94aa….
	 *
	 * <pre>
	 * s1 A:1 B:0   s2 A:0 B:1   s3 Z:0 A:1 B:1   s4 B:1 A:1   s5 (nothing)
	 * proposals: s1→A, s2→A, s3→Z (no seat, rejected) then →A, s4→B
	 * A holds s2 (tier 0); rejects s1 and s3 (tier 1)
	 * s1→B (tier 0), s3→B (tier 1): B has s4(1, e2d1), s1(0), s3(1, 0460); keeps s1, s3
	 * s4 rejected →A (tier 1) behind s2 (tier 0): rejected, list exhausted
	 * result: s1 B (rank 2), s2 A (1), s3 B (3), s4 unplaced, s5 unplaced
	 * </pre>
	 */
	@Test
	void deferredAcceptanceWithTiersAndAZeroCapacitySchool() throws IOException {
		assertGolden("da-single-tiers");
	}

	/**
	 * Immediate acceptance, single tie-breaking, two batches; P is a first-batch school
	 * for t1, t2, t3 and a second-batch school for t4. Seats P 1, Q 1, R 1. Numbers: t1
	 * 92fe…, t2 6fa4…, t3 04a9…, t4 768b…, t5 5103….
	 *
	 * <pre>
	 * t1 P:0 | R:0   t2 Q:0 P:0 | R:1   t3 P:1 | Q:0   t4 | P:0 R:0   t5 Q:0 R:0
	 * batch 1, round 1: P ← t1(0), t3(1): admits t1 (tier beats t3's low number)
	 *                   Q ← t2(0, 6fa4), t5(0, 5103): admits t5
	 * batch 1, round 2: t2 → P, no seat left: turned away
	 * batch 2 (t2, t3, t4 unplaced; seats P 0, Q 0, R 1)
	 *          round 1: t2 → R (tier 1): admitted, final; t3 → Q and t4 → P: no seat
	 *          round 2: t4 → R (tier 0): full since round 1, turned away
	 * result: t1 P (1), t2 R (3), t3 unplaced, t4 unplaced, t5 Q (1)
	 * </pre>
	 */
	@Test
	void immediateAcceptanceAcrossBatchesAdmitsFinally() throws IOException {
		assertGolden("ia-single-batches");
	}

	/**
	 * Deferred acceptance, multiple tie-breaking, two batches. Seats M 1, N 1, O 0.
	 * Numbers per school: u1 M 60a4…, N 61c8…; u2 N 6065…, M 8835…; u3 M 6ff8…, N d6e8…;
	 * u4 O 04d2…, M 3096….
	 *
	 * <pre>
	 * u1 M:0 N:0   u2 N:0 M:0   u3 M:0 | N:0   u4 O:0 | M:0
	 * batch 1: u1→M, u2→N, u3→M, u4→O (no seat); M keeps u1 (60a4 &lt; 6ff8), u3 has no
	 *          more first-batch choices
	 * batch 2: seats M 0, N 0: u3→N and u4→M are rejected, though u4's number at M
	 *          (3096) is lower than u1's: batch-1 seats are final
	 * NUMBER column: each student's number at its first listed school
	 * result: u1 M (1), u2 N (1), u3 unplaced, u4 unplaced
	 * </pre>
	 */
	@Test
	void deferredAcceptanceWithMultipleTieBreakingAndBatches() throws IOException {
		assertGolden("da-multiple-batches");
	}

	/**
	 * Immediate acceptance, multiple tie-breaking. Seats K 2, L 1. Numbers per school: v1
	 * K 51ae…, L 9e67…; v2 K 998b…, L 8386…; v3 L af3c…, K 0c3a…; v4 K 98fb…; v5 L 4331…,
	 * K 1c49….
	 *
	 * <pre>
	 * v1 K:1 L:0   v2 K:0 L:1   v3 L:1 K:0   v4 K:1   v5 L:0 K:0
	 * round 1: K ← v1(1, 51ae), v2(0), v4(1, 98fb): admits v2, v1; L ← v3(1), v5(0): v5
	 * round 2: v3 → K with tier 0, but K is full: turned away (志愿优先)
	 * result: v1 K (1), v2 K (1), v3 unplaced, v4 unplaced, v5 L (1)
	 * </pre>
	 */
	@Test
	void immediateAcceptanceRewardsFirstChoicesOverTiers() throws IOException {
		assertGolden("ia-multiple-tiers");
	}

	/**
	 * The same students under deferred acceptance and single tie-breaking. Numbers: v1
	 * e7e9…, v2 71be…, v3 a6b0…, v4 3586…, v5 73ca….
	 *
	 * <pre>
	 * K holds v2(0), v4(1, 3586); rejects v1(1, e7e9). L holds v5(0); rejects v3(1)
	 * v1 → L (tier 0, e7e9) behind v5 (tier 0, 73ca): rejected, exhausted
	 * v3 → K (tier 0) displaces v4 (tier 1); v4 exhausted
	 * result: v1 unplaced, v2 K (1), v3 K (2), v4 unplaced, v5 L (1)
	 * </pre>
	 */
	@Test
	void deferredAcceptanceHonoursTiersOnLaterChoices() throws IOException {
		assertGolden("da-single-contrast");
	}

	@Test
	void explainsARejectionByRoundToAFamily() throws IOException {
		Result result = Draw.run(SnapshotParser.parse(golden("ia-multiple-tiers.snapshot")), ENTROPY);
		Explanation explanation = result.explain("v3");
		assertThat(explanation.placement()).isEmpty();
		assertThat(explanation.steps()).containsExactly(new Explanation.Step(1, "L", 1, 1, 1, "af3c69148ae59ac9", 1,
				java.util.Optional.of(new Explanation.Cutoff(0, "4331a88b688dfd1f")), Explanation.Outcome.OUTRANKED),
				new Explanation.Step(2, "K", 1, 2, 0, "0c3a918ac1db5a6f", 0,
						java.util.Optional.of(new Explanation.Cutoff(1, "51ae0169a8b61bc9")),
						Explanation.Outcome.NO_SEATS_LEFT));
		assertThat(explanation.describe()).contains("choice 2, K (batch 1, round 2): not placed; no seat was left");
	}

	@Test
	void explainsBatchesAndPreferredChoices() throws IOException {
		Result result = Draw.run(SnapshotParser.parse(golden("ia-single-batches.snapshot")), ENTROPY);
		assertThat(result.explain("t1").steps()).extracting(Explanation.Step::outcome)
			.containsExactly(Explanation.Outcome.PLACED, Explanation.Outcome.PLACED_IN_EARLIER_BATCH);
		assertThat(result.explain("t2").steps()).extracting(Explanation.Step::outcome)
			.containsExactly(Explanation.Outcome.OUTRANKED, Explanation.Outcome.NO_SEATS_LEFT,
					Explanation.Outcome.PLACED);
		assertThat(result.explain("t4").steps()).extracting(Explanation.Step::seats).containsExactly(0, 0);
		Result da = Draw.run(SnapshotParser.parse(golden("da-single-tiers.snapshot")), ENTROPY);
		Explanation s3 = da.explain("s3");
		assertThat(s3.steps()).extracting(Explanation.Step::outcome)
			.containsExactly(Explanation.Outcome.NO_SEATS_LEFT, Explanation.Outcome.OUTRANKED,
					Explanation.Outcome.PLACED);
		assertThat(s3.steps().get(2).cutoff()).contains(new Explanation.Cutoff(1, "04604abcf2c40394"));
		assertThat(s3.steps()).extracting(Explanation.Step::round).containsOnly(0);
		assertThat(s3.placement()).contains(new Placement("B", 3, 1));
	}

	@Test
	void checkAndVerifyAcceptEveryGoldenResult() throws IOException {
		for (String name : List.of("da-single-tiers", "ia-single-batches", "da-multiple-batches", "ia-multiple-tiers",
				"da-single-contrast")) {
			Snapshot snapshot = SnapshotParser.parse(golden(name + ".snapshot"));
			byte[] expected = golden(name + ".result");
			assertThat(Checker.check(snapshot, expected).passed()).as(name).isTrue();
			assertThat(Verifier.verify(snapshot, ENTROPY, expected).passed()).as(name).isTrue();
		}
	}

	private static void assertGolden(String name) throws IOException {
		Snapshot snapshot = SnapshotParser.parse(golden(name + ".snapshot"));
		assertThat(new String(Draw.run(snapshot, ENTROPY).write())).isEqualTo(new String(golden(name + ".result")));
	}

	static byte[] golden(String file) throws IOException {
		try (InputStream in = GoldenDrawTest.class.getResourceAsStream("/golden/" + file)) {
			return in.readAllBytes();
		}
	}

}
