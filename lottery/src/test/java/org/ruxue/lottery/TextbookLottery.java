package org.ruxue.lottery;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * LOTTERY.md read aloud: maps, lists and sorting, with no thought for speed, so that the
 * fast engine can be compared with the plainest reading of the text. Students propose in
 * an order given by {@code shuffle}, which must not matter.
 */
final class TextbookLottery {

	private final Snapshot snapshot;

	private final Mac mac;

	private final Random shuffle;

	private final Map<String, Integer> free = new HashMap<>();

	private final Map<String, Choice> placed = new HashMap<>();

	private TextbookLottery(Snapshot snapshot, byte[] seed, long shuffleSeed) throws Exception {
		this.snapshot = snapshot;
		this.mac = Mac.getInstance("HmacSHA256");
		this.mac.init(new SecretKeySpec(seed, "HmacSHA256"));
		this.shuffle = new Random(shuffleSeed);
		snapshot.schools().forEach((code) -> this.free.put(code, snapshot.capacity(code)));
	}

	static String draw(Snapshot snapshot, String entropy, long shuffleSeed) throws Exception {
		byte[] seed = MessageDigest.getInstance("SHA-256")
			.digest((snapshot.hash() + "\n" + entropy).getBytes(StandardCharsets.UTF_8));
		TextbookLottery lottery = new TextbookLottery(snapshot, seed, shuffleSeed);
		for (int batch = 1; batch <= snapshot.batchCount(); batch++) {
			lottery.runBatch(batch);
		}
		return lottery.write(entropy, HexFormat.of().formatHex(seed));
	}

	/** Only the numbers, for tests that read a result the plain way. */
	static TextbookLottery numbersFor(Snapshot snapshot, String entropy) throws Exception {
		byte[] seed = MessageDigest.getInstance("SHA-256")
			.digest((snapshot.hash() + "\n" + entropy).getBytes(StandardCharsets.UTF_8));
		return new TextbookLottery(snapshot, seed, 0);
	}

	long number(String id, String school) {
		String message = "student\n" + id + ((this.snapshot.tieBreaking() == TieBreaking.MULTIPLE && school != null)
				? "\nschool\n" + school : "");
		return ByteBuffer.wrap(this.mac.doFinal(message.getBytes(StandardCharsets.UTF_8))).getLong();
	}

	private Comparator<Applicant> schoolOrder() {
		return Comparator.<Applicant>comparingInt((a) -> a.choice.tier())
			.thenComparing(
					(a, b) -> Long.compareUnsigned(number(a.id, a.choice.school()), number(b.id, b.choice.school())))
			.thenComparing((a) -> a.id);
	}

	private void runBatch(int batch) {
		Map<String, List<Choice>> lists = new HashMap<>();
		for (String id : this.snapshot.students()) {
			List<Choice> inBatch = this.snapshot.choices(id).stream().filter((c) -> c.batch() == batch).toList();
			if (!this.placed.containsKey(id) && !inBatch.isEmpty()) {
				lists.put(id, inBatch);
			}
		}
		if (this.snapshot.mechanism() == Mechanism.DEFERRED_ACCEPTANCE) {
			deferredAcceptance(lists);
		}
		else {
			immediateAcceptance(lists);
		}
	}

	private void deferredAcceptance(Map<String, List<Choice>> lists) {
		List<String> proposers = new ArrayList<>(lists.keySet());
		Collections.sort(proposers);
		Collections.shuffle(proposers, this.shuffle);
		Deque<String> waiting = new ArrayDeque<>(proposers);
		Map<String, Integer> next = new HashMap<>();
		Map<String, List<Applicant>> held = new HashMap<>();
		while (!waiting.isEmpty()) {
			String id = waiting.poll();
			int index = next.getOrDefault(id, 0);
			if (index == lists.get(id).size()) {
				continue;
			}
			next.put(id, index + 1);
			Choice choice = lists.get(id).get(index);
			List<Applicant> school = held.computeIfAbsent(choice.school(), (k) -> new ArrayList<>());
			school.add(new Applicant(id, choice));
			school.sort(schoolOrder());
			if (school.size() > this.free.get(choice.school())) {
				waiting.push(school.remove(school.size() - 1).id);
			}
		}
		held.forEach(this::admit);
	}

	private void immediateAcceptance(Map<String, List<Choice>> lists) {
		for (int round = 0; round < this.snapshot.schoolCount(); round++) {
			Map<String, List<Applicant>> applicants = new HashMap<>();
			for (var entry : lists.entrySet()) {
				if (!this.placed.containsKey(entry.getKey()) && round < entry.getValue().size()) {
					Choice choice = entry.getValue().get(round);
					applicants.computeIfAbsent(choice.school(), (k) -> new ArrayList<>())
						.add(new Applicant(entry.getKey(), choice));
				}
			}
			applicants.forEach((school, list) -> {
				list.sort(schoolOrder());
				admit(school, list.subList(0, Math.min(list.size(), this.free.get(school))));
			});
		}
	}

	private void admit(String school, List<Applicant> admitted) {
		admitted.forEach((a) -> this.placed.put(a.id, a.choice));
		this.free.put(school, this.free.get(school) - admitted.size());
	}

	private String write(String entropy, String seed) {
		StringBuilder out = new StringBuilder("ruxue-lottery-result/1\nsnapshot: " + this.snapshot.hash()
				+ "\nentropy: " + entropy + "\nseed: " + seed + "\n");
		for (String id : this.snapshot.students()) {
			List<Choice> choices = this.snapshot.choices(id);
			String first = choices.isEmpty() ? null : choices.get(0).school();
			String number = HexFormat.of().toHexDigits(number(id, first));
			Choice at = this.placed.get(id);
			if (at == null) {
				out.append("unplaced ").append(id).append(" - 0 ").append(number).append('\n');
			}
			else {
				out.append("placed ")
					.append(id)
					.append(' ')
					.append(at.school())
					.append(' ')
					.append(choices.indexOf(at) + 1)
					.append(' ')
					.append(number)
					.append('\n');
			}
		}
		return out.toString();
	}

	private record Applicant(String id, Choice choice) {
	}

}
