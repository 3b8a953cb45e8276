package org.ruxue.lottery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random small cities, every mechanism and tie-breaking: the draw agrees with the
 * textbook reading of LOTTERY.md and has the properties the mechanisms promise.
 */
class DrawPropertiesTest {

	private static final String ENTROPY = "property 01 02 03";

	@Property(tries = 400)
	void agreesWithTheTextbookReading(@ForAll long city, @ForAll Mechanism mechanism, @ForAll TieBreaking tieBreaking,
			@ForAll long proposalOrder) throws Exception {
		Snapshot snapshot = Cities.random(city, mechanism, tieBreaking);
		String drawn = new String(Draw.run(snapshot, ENTROPY).write(), StandardCharsets.UTF_8);
		assertThat(drawn).isEqualTo(TextbookLottery.draw(snapshot, ENTROPY, proposalOrder));
	}

	@Property(tries = 300)
	void neverExceedsCapacityAndPlacesOnlyAtListedSchools(@ForAll long city, @ForAll Mechanism mechanism,
			@ForAll TieBreaking tieBreaking) {
		Snapshot snapshot = Cities.random(city, mechanism, tieBreaking);
		Result result = Draw.run(snapshot, ENTROPY);
		Map<String, Integer> taken = new HashMap<>();
		for (String id : snapshot.students()) {
			result.placement(id).ifPresent((placement) -> {
				Choice choice = snapshot.choices(id).get(placement.rank() - 1);
				assertThat(choice.school()).isEqualTo(placement.school());
				assertThat(choice.batch()).isEqualTo(placement.batch());
				taken.merge(placement.school(), 1, Integer::sum);
			});
		}
		taken.forEach((school, count) -> assertThat(count).isLessThanOrEqualTo(snapshot.capacity(school)));
		String text = new String(result.write(), StandardCharsets.UTF_8);
		assertThat(text.lines().skip(4).map((line) -> line.split(" ")[1]).toList()).isEqualTo(snapshot.students());
	}

	@Property(tries = 300)
	void deferredAcceptanceLeavesNoBlockingPair(@ForAll long city, @ForAll TieBreaking tieBreaking) throws Exception {
		Snapshot snapshot = Cities.random(city, Mechanism.DEFERRED_ACCEPTANCE, tieBreaking);
		Result result = Draw.run(snapshot, ENTROPY);
		Ranking ranking = new Ranking(snapshot, result);
		for (int batch = 1; batch <= snapshot.batchCount(); batch++) {
			for (String id : snapshot.students()) {
				Optional<Placement> placed = result.placement(id);
				if (placed.isPresent() && placed.get().batch() < batch) {
					continue;
				}
				for (Choice wanted : snapshot.choices(id)) {
					if (wanted.batch() != batch) {
						continue;
					}
					if (placed.isPresent() && placed.get().school().equals(wanted.school())) {
						break;
					}
					assertThat(ranking.seatsLeftAfter(wanted.school(), batch)).as("free seat at %s", wanted.school())
						.isZero();
					assertThat(ranking.admittedIn(wanted.school(), batch))
						.allSatisfy((other) -> assertThat(ranking.ranksAbove(other, id, wanted.school())).isTrue());
				}
			}
		}
	}

	@Property(tries = 200)
	void deferredAcceptanceIgnoresTheOrderOfTheInput(@ForAll long city, @ForAll TieBreaking tieBreaking,
			@ForAll long order) throws Exception {
		Snapshot snapshot = Cities.random(city, Mechanism.DEFERRED_ACCEPTANCE, tieBreaking);
		Snapshot.Builder shuffled = Snapshot.builder(Mechanism.DEFERRED_ACCEPTANCE, tieBreaking);
		Random random = new Random(order);
		List<String> schools = new ArrayList<>(snapshot.schools());
		Collections.shuffle(schools, random);
		schools.forEach((code) -> shuffled.school(code, snapshot.capacity(code)));
		List<String> students = new ArrayList<>(snapshot.students());
		Collections.shuffle(students, random);
		students.forEach((id) -> shuffled.student(id, snapshot.choices(id)));
		Snapshot rebuilt = shuffled.build();
		assertThat(SnapshotWriter.write(rebuilt)).isEqualTo(withoutTrailingSeparators(snapshot));
		byte[] drawn = Draw.run(snapshot, ENTROPY).write();
		assertThat(new String(drawn, StandardCharsets.UTF_8)).isEqualTo(TextbookLottery.draw(snapshot, ENTROPY, order));
	}

	@Property(tries = 300)
	void immediateAcceptanceNeverSkipsAStrongerApplicantOfTheSameRound(@ForAll long city,
			@ForAll TieBreaking tieBreaking) throws Exception {
		Snapshot snapshot = Cities.random(city, Mechanism.IMMEDIATE_ACCEPTANCE, tieBreaking);
		Result result = Draw.run(snapshot, ENTROPY);
		Ranking ranking = new Ranking(snapshot, result);
		for (int batch = 1; batch <= snapshot.batchCount(); batch++) {
			for (int round = 1; round <= snapshot.schoolCount(); round++) {
				Map<String, List<String>> admitted = new HashMap<>();
				Map<String, List<String>> turnedAway = new HashMap<>();
				for (String id : snapshot.students()) {
					int b = batch;
					List<Choice> list = snapshot.choices(id).stream().filter((c) -> c.batch() == b).toList();
					Optional<Placement> placed = result.placement(id);
					int placedRound = placed.filter((p) -> p.batch() == b)
						.map((p) -> list.indexOf(snapshot.choices(id).get(p.rank() - 1)) + 1)
						.orElse(Integer.MAX_VALUE);
					boolean tookPart = placed.isEmpty() || placed.get().batch() >= batch;
					if (tookPart && round <= list.size() && placedRound >= round) {
						String school = list.get(round - 1).school();
						(placedRound == round ? admitted : turnedAway).computeIfAbsent(school, (k) -> new ArrayList<>())
							.add(id);
					}
				}
				admitted.forEach((school, ins) -> ins.forEach((in) -> turnedAway.getOrDefault(school, List.of())
					.forEach((out) -> assertThat(ranking.ranksAbove(in, out, school)).isTrue())));
			}
		}
	}

	@Property(tries = 300)
	void checkAcceptsEveryDraw(@ForAll long city, @ForAll Mechanism mechanism, @ForAll TieBreaking tieBreaking) {
		Snapshot snapshot = Cities.random(city, mechanism, tieBreaking);
		Verdict verdict = Checker.check(snapshot, Draw.run(snapshot, ENTROPY).write());
		assertThat(verdict.passed()).as(verdict.describe()).isTrue();
	}

	@Property(tries = 300)
	void verifyReproducesEveryDrawAndRefusesAnotherEntropy(@ForAll long city, @ForAll Mechanism mechanism,
			@ForAll TieBreaking tieBreaking) {
		Snapshot snapshot = Cities.random(city, mechanism, tieBreaking);
		byte[] published = Draw.run(snapshot, ENTROPY).write();
		assertThat(Verifier.verify(snapshot, ENTROPY, published).passed()).isTrue();
		Verdict other = Verifier.verify(snapshot, ENTROPY + " ", published);
		assertThat(other.passed()).isFalse();
		assertThat(other.line()).isEqualTo(3);
	}

	@Property(tries = 300)
	void writerReproducesEveryParsedSnapshot(@ForAll long city, @ForAll Mechanism mechanism,
			@ForAll TieBreaking tieBreaking) {
		byte[] bytes = Cities.randomText(city, mechanism, tieBreaking).getBytes(StandardCharsets.US_ASCII);
		assertThat(SnapshotWriter.write(SnapshotParser.parse(bytes))).isEqualTo(bytes);
	}

	/** The builder writes no empty batch after a student's last choice. */
	private static byte[] withoutTrailingSeparators(Snapshot snapshot) {
		String text = new String(snapshot.bytes(), StandardCharsets.US_ASCII);
		return text.replaceAll("( \\|)+\n", "\n").getBytes(StandardCharsets.US_ASCII);
	}

	/** A school's order and the admissions of a result, read the plain way. */
	static final class Ranking {

		private final Snapshot snapshot;

		private final Result result;

		private final TextbookLottery numbers;

		Ranking(Snapshot snapshot, Result result) throws Exception {
			this.snapshot = snapshot;
			this.result = result;
			this.numbers = textbook(snapshot, result);
		}

		boolean ranksAbove(String a, String b, String school) {
			int tierA = tier(a, school);
			int tierB = tier(b, school);
			if (tierA != tierB) {
				return tierA < tierB;
			}
			int byNumber = Long.compareUnsigned(this.numbers.number(a, school), this.numbers.number(b, school));
			return (byNumber != 0) ? byNumber < 0 : a.compareTo(b) < 0;
		}

		List<String> admittedIn(String school, int batch) {
			return this.snapshot.students()
				.stream()
				.filter((id) -> this.result.placement(id)
					.filter((p) -> p.school().equals(school) && p.batch() == batch)
					.isPresent())
				.toList();
		}

		int seatsLeftAfter(String school, int batch) {
			long taken = this.snapshot.students()
				.stream()
				.filter((id) -> this.result.placement(id)
					.filter((p) -> p.school().equals(school) && p.batch() <= batch)
					.isPresent())
				.count();
			return this.snapshot.capacity(school) - (int) taken;
		}

		private int tier(String id, String school) {
			return this.snapshot.choices(id)
				.stream()
				.filter((c) -> c.school().equals(school))
				.findFirst()
				.orElseThrow()
				.tier();
		}

		private static TextbookLottery textbook(Snapshot snapshot, Result result) throws Exception {
			return TextbookLottery.numbersFor(snapshot, result.entropy());
		}

	}

}
