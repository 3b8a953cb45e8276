package org.ruxue.lottery;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tests a published result against its snapshot without re-running the draw (LOTTERY.md
 * section 5), the way Parcoursup re-checks its results with independent code: it shares
 * no algorithm with {@link Draw}, computes the seed and numbers with the JDK's own HMAC,
 * and so a bug in one is caught by the other.
 *
 * <p>
 * Besides the checks LOTTERY.md lists, under immediate acceptance it tests that every
 * student a school turned away in round r found the school full after that round and
 * behind every round-r applicant it admitted.
 */
public final class Checker {

	private static final int FIRST_STUDENT_LINE = 5;

	private final Snapshot snapshot;

	private final byte[] result;

	private final int[] lineFrom;

	private final int[] lineTo;

	private Mac mac;

	private String seedHex;

	/** Per student the index of the choice the result places it at, or -1. */
	private final int[] placed;

	private final long[] studentNumber;

	private final long[] choiceNumber;

	private final boolean[] choiceNumbered;

	private Verdict firstFailure;

	private Checker(Snapshot snapshot, byte[] result) {
		this.snapshot = snapshot;
		this.result = result;
		int expectedLines = snapshot.studentCount() + FIRST_STUDENT_LINE - 1;
		this.lineFrom = new int[expectedLines];
		this.lineTo = new int[expectedLines];
		this.placed = new int[snapshot.studentCount()];
		this.studentNumber = new long[snapshot.studentCount()];
		this.choiceNumber = new long[snapshot.choiceCount()];
		this.choiceNumbered = new boolean[snapshot.choiceCount()];
	}

	/** Passes, or names the first line of {@code result} that breaks a property. */
	public static Verdict check(Snapshot snapshot, byte[] result) {
		return new Checker(snapshot, result).run();
	}

	private Verdict run() {
		Verdict verdict = splitLines();
		if (verdict.passed()) {
			verdict = header();
		}
		if (verdict.passed()) {
			verdict = students();
		}
		if (verdict.passed()) {
			capacities();
			if (this.snapshot.mechanism == Mechanism.DEFERRED_ACCEPTANCE) {
				noBlockingPairs();
			}
			else {
				roundsRespected();
			}
			verdict = (this.firstFailure != null) ? this.firstFailure : Verdict.pass();
		}
		return verdict;
	}

	private Verdict splitLines() {
		int from = 0;
		int line = 0;
		while (from < this.result.length) {
			line++;
			int to = from;
			boolean nonAscii = false;
			while (to < this.result.length && this.result[to] != '\n') {
				nonAscii |= this.result[to] < 0;
				if (this.result[to] == '\r') {
					return Verdict.fail(line, "carriage return (CR) found; lines end with LF only");
				}
				to++;
			}
			if (nonAscii && !isUtf8(from, to)) {
				return Verdict.fail(line, "invalid UTF-8");
			}
			if (to == this.result.length) {
				return Verdict.fail(line, "missing LF at the end of the last line");
			}
			if (line > this.lineFrom.length) {
				return Verdict.fail(line, "more lines than the snapshot has students");
			}
			this.lineFrom[line - 1] = from;
			this.lineTo[line - 1] = to;
			from = to + 1;
		}

		if (line < this.lineFrom.length) {
			String missing = (line < FIRST_STUDENT_LINE - 1) ? "the header"
					: "the line of student '" + this.snapshot.studentIds[line - FIRST_STUDENT_LINE + 1] + "'";
			return Verdict.fail(line + 1, "missing " + missing);
		}
		return Verdict.pass();
	}

	private Verdict header() {
		if (!text(1).equals("ruxue-lottery-result/1")) {
			return Verdict.fail(1, "expected 'ruxue-lottery-result/1'");
		}
		if (!text(2).equals("snapshot: " + this.snapshot.hash())) {
			return Verdict.fail(2, "expected 'snapshot: " + this.snapshot.hash() + "', the hash of this snapshot");
		}
		String entropy = text(3);
		if (!entropy.startsWith("entropy: ") || entropy.length() == "entropy: ".length()) {
			return Verdict.fail(3, "expected 'entropy: ' followed by the non-empty entropy");
		}
		byte[] seed = sha256((this.snapshot.hash() + "\n" + entropy.substring("entropy: ".length()))
			.getBytes(StandardCharsets.UTF_8));
		this.seedHex = HexFormat.of().formatHex(seed);
		if (!text(4).equals("seed: " + this.seedHex)) {
			return Verdict.fail(4,
					"expected 'seed: " + this.seedHex + "', the SHA-256 of the snapshot hash and entropy");
		}
		this.mac = hmac(seed);
		return Verdict.pass();
	}

	private Verdict students() {
		for (int s = 0; s < this.snapshot.studentCount(); s++) {
			int line = s + FIRST_STUDENT_LINE;
			String failure = student(s, text(line).split(" ", -1));
			if (failure != null) {
				return Verdict.fail(line, failure);
			}
		}
		return Verdict.pass();
	}

	private String student(int s, String[] tokens) {
		String id = this.snapshot.studentIds[s];
		if (tokens.length != 5) {
			return "expected 'placed ID CODE RANK NUMBER' or 'unplaced ID - 0 NUMBER'";
		}
		if (!tokens[1].equals(id)) {
			return "expected the line of student '" + id + "' (one line per student, in id order), found '" + tokens[1]
					+ "'";
		}
		this.studentNumber[s] = numberOf(id, firstSchool(s));
		String number = HexFormat.of().toHexDigits(this.studentNumber[s]);
		if (!tokens[4].equals(number)) {
			return "number of '" + id + "' should be " + number + ", found '" + tokens[4] + "'";
		}
		if (tokens[0].equals("unplaced")) {
			this.placed[s] = -1;
			return (tokens[2].equals("-") && tokens[3].equals("0")) ? null : "an unplaced student is written '- 0'";
		}
		if (!tokens[0].equals("placed")) {
			return "expected 'placed' or 'unplaced', found '" + tokens[0] + "'";
		}
		return placement(s, tokens[2], tokens[3]);
	}

	private String placement(int s, String code, String rank) {
		int first = this.snapshot.choiceStart[s];
		for (int c = first; c < this.snapshot.choiceStart[s + 1]; c++) {
			if (this.snapshot.schoolCodes[this.snapshot.choiceSchool[c]].equals(code)) {
				this.placed[s] = c;
				String expected = Integer.toString(c - first + 1);
				return rank.equals(expected) ? null
						: "rank of " + code + " on the student's list is " + expected + ", found '" + rank + "'";
			}
		}
		return "'" + code + "' is not among the choices of student '" + this.snapshot.studentIds[s] + "'";
	}

	private void capacities() {
		int[] taken = new int[this.snapshot.schoolCount()];
		for (int s = 0; s < this.placed.length; s++) {
			if (this.placed[s] >= 0) {
				int x = this.snapshot.choiceSchool[this.placed[s]];
				if (++taken[x] > this.snapshot.capacities[x]) {
					fail(s, "school " + this.snapshot.schoolCodes[x] + " is given more than its "
							+ this.snapshot.capacities[x] + " seat(s)");
					return;
				}
			}
		}
	}

	/** LOTTERY.md section 5: no student and school prefer each other to what they got. */
	private void noBlockingPairs() {
		int[] admittedThrough = new int[this.snapshot.schoolCount()];
		int[] worst = new int[this.snapshot.schoolCount()];
		for (int batch = 0; batch < this.snapshot.batchCount; batch++) {
			Arrays.fill(worst, -1);
			for (int s = 0; s < this.placed.length; s++) {
				int c = this.placed[s];
				if (c >= 0 && this.snapshot.choiceBatch[c] == batch) {
					int x = this.snapshot.choiceSchool[c];
					admittedThrough[x]++;
					if (worst[x] < 0 || ranksAbove(worst[x], c)) {
						worst[x] = c;
					}
				}
			}
			for (int s = 0; s < this.placed.length; s++) {
				if (batchOfPlacement(s) >= batch) {
					blockingPairs(s, batch, admittedThrough, worst);
				}
			}
		}
	}

	private void blockingPairs(int s, int batch, int[] admittedThrough, int[] worst) {
		for (int c = this.snapshot.choiceStart[s]; c < this.snapshot.choiceStart[s + 1]; c++) {
			if (c == this.placed[s] || this.snapshot.choiceBatch[c] > batch) {
				return;
			}
			if (this.snapshot.choiceBatch[c] == batch) {
				int x = this.snapshot.choiceSchool[c];
				String pair = "student '" + this.snapshot.studentIds[s] + "' and school " + this.snapshot.schoolCodes[x]
						+ " block in batch " + (batch + 1) + ": ";
				if (admittedThrough[x] < this.snapshot.capacities[x]) {
					fail(s, pair + "the school still had a free seat");
					return;
				}
				if (worst[x] >= 0 && ranksAbove(c, worst[x])) {
					fail(s, pair + "the school placed '"
							+ this.snapshot.studentIds[this.snapshot.choiceStudent[worst[x]]]
							+ "', whom it ranks lower");
					return;
				}
			}
		}
	}

	/**
	 * Immediate acceptance: a student turned away in round r found the school without a
	 * seat after round r and behind everyone it admitted in round r.
	 */
	private void roundsRespected() {
		int schools = this.snapshot.schoolCount();
		int[] admittedBefore = new int[schools];
		int[] inBatch = new int[schools];
		int[] lastRound = new int[schools];
		for (int batch = 0; batch < this.snapshot.batchCount; batch++) {
			Arrays.fill(inBatch, 0);
			Arrays.fill(lastRound, 0);
			Map<Long, Integer> worst = new HashMap<>();
			for (int s = 0; s < this.placed.length; s++) {
				int c = this.placed[s];
				if (c >= 0 && this.snapshot.choiceBatch[c] == batch) {
					int x = this.snapshot.choiceSchool[c];
					int round = roundOf(c);
					inBatch[x]++;
					lastRound[x] = Math.max(lastRound[x], round);
					worst.merge(((long) x << 32) | round, c, (a, b) -> ranksAbove(a, b) ? b : a);
				}
			}
			for (int s = 0; s < this.placed.length; s++) {
				if (batchOfPlacement(s) >= batch) {
					turnedAway(s, batch, admittedBefore, inBatch, lastRound, worst);
				}
			}
			for (int x = 0; x < schools; x++) {
				admittedBefore[x] += inBatch[x];
			}
		}
	}

	private void turnedAway(int s, int batch, int[] admittedBefore, int[] inBatch, int[] lastRound,
			Map<Long, Integer> worst) {
		for (int c = this.snapshot.choiceStart[s]; c < this.snapshot.choiceStart[s + 1]; c++) {
			if (c == this.placed[s] || this.snapshot.choiceBatch[c] > batch) {
				return;
			}
			if (this.snapshot.choiceBatch[c] == batch) {
				int x = this.snapshot.choiceSchool[c];
				int round = roundOf(c);
				String what = "student '" + this.snapshot.studentIds[s] + "' was turned away by "
						+ this.snapshot.schoolCodes[x] + " in batch " + (batch + 1) + ", round " + round + ", ";
				if (admittedBefore[x] + inBatch[x] < this.snapshot.capacities[x] || lastRound[x] > round) {
					fail(s, what + "yet the school had a seat left after that round");
					return;
				}
				Integer last = worst.get(((long) x << 32) | round);
				if (last != null && ranksAbove(c, last)) {
					fail(s, what + "yet it admitted '" + this.snapshot.studentIds[this.snapshot.choiceStudent[last]]
							+ "', whom it ranks lower, in that round");
					return;
				}
			}
		}
	}

	/** Whether the school of choices a and b ranks a's student above b's. */
	private boolean ranksAbove(int a, int b) {
		int tierA = this.snapshot.choiceTier[a];
		int tierB = this.snapshot.choiceTier[b];
		if (tierA != tierB) {
			return tierA < tierB;
		}
		int byNumber = Long.compareUnsigned(numberAt(a), numberAt(b));
		if (byNumber != 0) {
			return byNumber < 0;
		}
		return this.snapshot.studentIds[this.snapshot.choiceStudent[a]]
			.compareTo(this.snapshot.studentIds[this.snapshot.choiceStudent[b]]) < 0;
	}

	private long numberAt(int c) {
		if (this.snapshot.tieBreaking == TieBreaking.SINGLE) {
			return this.studentNumber[this.snapshot.choiceStudent[c]];
		}
		if (!this.choiceNumbered[c]) {
			this.choiceNumber[c] = numberOf(this.snapshot.studentIds[this.snapshot.choiceStudent[c]],
					this.snapshot.schoolCodes[this.snapshot.choiceSchool[c]]);
			this.choiceNumbered[c] = true;
		}
		return this.choiceNumber[c];
	}

	/** The printed number: the student's, or under multiple the first listed school's. */
	private String firstSchool(int s) {
		boolean none = this.snapshot.choiceStart[s] == this.snapshot.choiceStart[s + 1];
		if (this.snapshot.tieBreaking == TieBreaking.SINGLE || none) {
			return null;
		}
		return this.snapshot.schoolCodes[this.snapshot.choiceSchool[this.snapshot.choiceStart[s]]];
	}

	private long numberOf(String id, String school) {
		String message = "student\n" + id + ((school != null) ? "\nschool\n" + school : "");
		byte[] tag = this.mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
		return ByteBuffer.wrap(tag).getLong();
	}

	private int batchOfPlacement(int s) {
		return (this.placed[s] >= 0) ? this.snapshot.choiceBatch[this.placed[s]] : Integer.MAX_VALUE;
	}

	private int roundOf(int c) {
		int first = c;
		while (first > this.snapshot.choiceStart[this.snapshot.choiceStudent[c]]
				&& this.snapshot.choiceBatch[first - 1] == this.snapshot.choiceBatch[c]) {
			first--;
		}
		return c - first + 1;
	}

	private void fail(int s, String reason) {
		int line = s + FIRST_STUDENT_LINE;
		if (this.firstFailure == null || line < this.firstFailure.line()) {
			this.firstFailure = Verdict.fail(line, reason);
		}
	}

	private String text(int line) {
		return new String(this.result, this.lineFrom[line - 1], this.lineTo[line - 1] - this.lineFrom[line - 1],
				StandardCharsets.UTF_8);
	}

	private boolean isUtf8(int from, int to) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(this.result, from, to - from));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("this Java runtime lacks SHA-256", ex);
		}
	}

	private static Mac hmac(byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("this Java runtime lacks HMAC-SHA256", ex);
		}
	}

}
