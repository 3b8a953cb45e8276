package org.ruxue.lottery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a snapshot, refusing every breach of LOTTERY.md section 1 with the line and the
 * rule, because a snapshot that two tools could read differently cannot be trusted.
 */
public final class SnapshotParser {

	private static final byte[] HEADER = ascii("ruxue-lottery/1");

	private static final byte[] MECHANISM = ascii("mechanism: ");

	private static final byte[] TIE_BREAKING = ascii("tie-breaking: ");

	private static final byte[] SCHOOL = ascii("school");

	private static final byte[] STUDENT = ascii("student");

	private final byte[] bytes;

	private Mechanism mechanism;

	private TieBreaking tieBreaking;

	private final List<String> schoolCodes = new ArrayList<>();

	private final IntList capacities = new IntList(64);

	private final List<String> studentIds = new ArrayList<>();

	private final IntList choiceStart;

	private final IntList choiceSchool;

	private final IntList choiceTier;

	private final IntList choiceBatch;

	private final IntList separators;

	private SchoolTable schoolTable;

	private int[] lastListedBy = new int[0];

	private int previousFrom = -1;

	private int previousTo = -1;

	private int[] tokenFrom = new int[16];

	private int[] tokenTo = new int[16];

	private SnapshotParser(byte[] bytes) {
		this.bytes = bytes;
		int expectedChoices = bytes.length / 8;
		this.choiceStart = new IntList(bytes.length / 64);
		this.separators = new IntList(bytes.length / 64);
		this.choiceSchool = new IntList(expectedChoices);
		this.choiceTier = new IntList(expectedChoices);
		this.choiceBatch = new IntList(expectedChoices);
	}

	/** Parses a snapshot or throws the first broken rule as {@code line N: REASON}. */
	public static Snapshot parse(byte[] bytes) {
		return new SnapshotParser(bytes).snapshot();
	}

	public static Snapshot parse(Path file) throws IOException {
		return parse(Files.readAllBytes(file));
	}

	private Snapshot snapshot() {
		if (this.bytes.length == 0) {
			throw new InvalidSnapshotException(1, "empty file");
		}
		int line = 0;
		int from = 0;
		while (from < this.bytes.length) {
			line++;
			int to = endOfLine(line, from);
			parseLine(line, from, to);
			from = to + 1;
		}
		if (this.tieBreaking == null) {
			throw new InvalidSnapshotException(line + 1,
					(line == 1) ? "missing 'mechanism:' line" : "missing 'tie-breaking:' line");
		}
		return build();
	}

	/** Finds the line's LF, refusing a line that is not clean UTF-8 without CR. */
	private int endOfLine(int line, int from) {
		boolean nonAscii = false;
		boolean carriageReturn = false;
		int to = from;
		while (to < this.bytes.length && this.bytes[to] != '\n') {
			nonAscii |= this.bytes[to] < 0;
			carriageReturn |= this.bytes[to] == '\r';
			to++;
		}
		if (nonAscii && !isUtf8(from, to)) {
			throw new InvalidSnapshotException(line, "invalid UTF-8");
		}
		if (carriageReturn) {
			throw new InvalidSnapshotException(line, "carriage return (CR) found; lines end with LF only");
		}
		if (to == this.bytes.length) {
			throw new InvalidSnapshotException(line, "missing LF at the end of the last line");
		}
		return to;
	}

	private void parseLine(int line, int from, int to) {
		checkSpaces(line, from, to);
		switch (line) {
			case 1 -> parseHeader(from, to);
			case 2 -> parseMechanism(from, to);
			case 3 -> parseTieBreaking(from, to);
			default -> parseBody(line, from, to);
		}
	}

	private void checkSpaces(int line, int from, int to) {
		if (from == to) {
			throw new InvalidSnapshotException(line, "blank line");
		}
		if (this.bytes[from] == ' ') {
			throw new InvalidSnapshotException(line, "leading space");
		}
		if (this.bytes[to - 1] == ' ') {
			throw new InvalidSnapshotException(line, "trailing space");
		}
		for (int i = from + 1; i < to; i++) {
			if (this.bytes[i] == ' ' && this.bytes[i - 1] == ' ') {
				throw new InvalidSnapshotException(line, "two spaces in a row; tokens are separated by one space");
			}
		}
	}

	private void parseHeader(int from, int to) {
		if (to - from >= 3 && this.bytes[from] == (byte) 0xEF && this.bytes[from + 1] == (byte) 0xBB
				&& this.bytes[from + 2] == (byte) 0xBF) {
			throw new InvalidSnapshotException(1, "byte order mark (BOM) found; snapshots are UTF-8 without BOM");
		}
		if (!equals(from, to, HEADER)) {
			throw new InvalidSnapshotException(1, "expected 'ruxue-lottery/1', found '" + show(from, to) + "'");
		}
	}

	private void parseMechanism(int from, int to) {
		String value = valueAfter(from, to, MECHANISM);
		this.mechanism = (value != null) ? Mechanism.ofToken(value) : null;
		if (this.mechanism == null) {
			throw new InvalidSnapshotException(2,
					"expected 'mechanism: deferred-acceptance' or 'mechanism: immediate-acceptance', found '"
							+ show(from, to) + "'");
		}
	}

	private void parseTieBreaking(int from, int to) {
		String value = valueAfter(from, to, TIE_BREAKING);
		this.tieBreaking = (value != null) ? TieBreaking.ofToken(value) : null;
		if (this.tieBreaking == null) {
			throw new InvalidSnapshotException(3,
					"expected 'tie-breaking: single' or 'tie-breaking: multiple', found '" + show(from, to) + "'");
		}
	}

	private String valueAfter(int from, int to, byte[] prefix) {
		if (to - from < prefix.length || !equals(from, from + prefix.length, prefix)) {
			return null;
		}
		return new String(this.bytes, from + prefix.length, to - from - prefix.length, StandardCharsets.UTF_8);
	}

	private void parseBody(int line, int from, int to) {
		int tokens = tokenize(from, to);
		if (equals(this.tokenFrom[0], this.tokenTo[0], SCHOOL)) {
			parseSchool(line, tokens);
		}
		else if (equals(this.tokenFrom[0], this.tokenTo[0], STUDENT)) {
			parseStudent(line, tokens);
		}
		else {
			throw new InvalidSnapshotException(line,
					"expected a 'school' or 'student' line, found '" + show(this.tokenFrom[0], this.tokenTo[0]) + "'");
		}
	}

	private void parseSchool(int line, int tokens) {
		if (!this.studentIds.isEmpty()) {
			throw new InvalidSnapshotException(line, "school line after student lines; all schools come first");
		}
		if (tokens != 3) {
			throw new InvalidSnapshotException(line, "expected 'school CODE CAPACITY'");
		}
		int from = this.tokenFrom[1];
		int to = this.tokenTo[1];
		requireName(line, "school code", from, to);
		int capacity = Tokens.number(this.bytes, this.tokenFrom[2], this.tokenTo[2]);
		if (capacity < 0) {
			throw new InvalidSnapshotException(line, "invalid capacity '" + show(this.tokenFrom[2], this.tokenTo[2])
					+ "': write 0 or [1-9][0-9]*, at most 9 digits");
		}
		requireIncreasing(line, "school code", from, to);
		this.schoolCodes.add(new String(this.bytes, from, to - from, StandardCharsets.ISO_8859_1));
		this.capacities.add(capacity);
	}

	private void parseStudent(int line, int tokens) {
		if (tokens < 2) {
			throw new InvalidSnapshotException(line, "expected 'student ID' followed by the choices");
		}
		if (this.studentIds.isEmpty()) {
			startStudents();
		}
		int from = this.tokenFrom[1];
		int to = this.tokenTo[1];
		requireName(line, "student id", from, to);
		requireIncreasing(line, "student id", from, to);
		int student = this.studentIds.size();
		this.studentIds.add(new String(this.bytes, from, to - from, StandardCharsets.ISO_8859_1));
		this.choiceStart.add(this.choiceSchool.size());
		int batch = 0;
		for (int t = 2; t < tokens; t++) {
			if (this.tokenTo[t] - this.tokenFrom[t] == 1 && this.bytes[this.tokenFrom[t]] == '|') {
				batch++;
			}
			else {
				parseChoice(line, student, batch, this.tokenFrom[t], this.tokenTo[t]);
			}
		}
		this.separators.add(batch);
	}

	private void parseChoice(int line, int student, int batch, int from, int to) {
		int colon = from;
		while (colon < to && this.bytes[colon] != ':') {
			colon++;
		}
		if (colon == to) {
			throw new InvalidSnapshotException(line,
					"invalid choice '" + show(from, to) + "': expected CODE:TIER or a lone '|'");
		}
		requireName(line, "school code", from, colon);
		int tier = Tokens.number(this.bytes, colon + 1, to);
		if (tier < 0) {
			throw new InvalidSnapshotException(line, "invalid tier '" + show(colon + 1, to) + "' in '" + show(from, to)
					+ "': write 0 or [1-9][0-9]*, at most 9 digits");
		}
		int school = this.schoolTable.find(this.bytes, from, colon);
		if (school < 0) {
			throw new InvalidSnapshotException(line, "undeclared school '" + show(from, colon) + "'");
		}
		if (this.lastListedBy[school] == student + 1) {
			throw new InvalidSnapshotException(line,
					"school '" + show(from, colon) + "' listed twice; a school appears at most once per student");
		}
		this.lastListedBy[school] = student + 1;
		this.choiceSchool.add(school);
		this.choiceTier.add(tier);
		this.choiceBatch.add(batch);
	}

	private void startStudents() {
		this.schoolTable = new SchoolTable(this.schoolCodes);
		this.lastListedBy = new int[this.schoolCodes.size()];
		this.previousFrom = -1;
		this.previousTo = -1;
	}

	private void requireName(int line, String what, int from, int to) {
		if (!Tokens.isName(this.bytes, from, to)) {
			throw new InvalidSnapshotException(line,
					"invalid " + what + " '" + show(from, to) + "': 1 to 64 characters of A-Z a-z 0-9 _ -");
		}
	}

	private void requireIncreasing(int line, String what, int from, int to) {
		if (this.previousFrom >= 0) {
			int order = compareUnsigned(this.previousFrom, this.previousTo, from, to);
			if (order == 0) {
				throw new InvalidSnapshotException(line, "duplicate " + what + " '" + show(from, to) + "'");
			}
			if (order > 0) {
				throw new InvalidSnapshotException(line, what + " '" + show(from, to) + "' comes after '"
						+ show(this.previousFrom, this.previousTo) + "'; " + what + "s must increase in byte order");
			}
		}
		this.previousFrom = from;
		this.previousTo = to;
	}

	private int tokenize(int from, int to) {
		int count = 0;
		int start = from;
		for (int i = from; i <= to; i++) {
			if (i == to || this.bytes[i] == ' ') {
				if (count == this.tokenFrom.length) {
					this.tokenFrom = Arrays.copyOf(this.tokenFrom, count * 2);
					this.tokenTo = Arrays.copyOf(this.tokenTo, count * 2);
				}
				this.tokenFrom[count] = start;
				this.tokenTo[count] = i;
				count++;
				start = i + 1;
			}
		}
		return count;
	}

	private Snapshot build() {
		if (this.studentIds.isEmpty()) {
			startStudents();
		}
		this.choiceStart.add(this.choiceSchool.size());
		return new Snapshot(this.mechanism, this.tieBreaking, this.schoolCodes.toArray(String[]::new),
				this.capacities.toArray(), this.studentIds.toArray(String[]::new), this.choiceStart.toArray(),
				this.choiceSchool.toArray(), this.choiceTier.toArray(), this.choiceBatch.toArray(),
				this.separators.toArray(), this.bytes.clone());
	}

	/**
	 * Plain loops rather than {@link Arrays#equals}: ids and codes are a few bytes long,
	 * and the vectorised library call costs more than it saves a million times over.
	 */
	private boolean equals(int from, int to, byte[] expected) {
		return same(this.bytes, from, to, expected, 0, expected.length);
	}

	private int compareUnsigned(int aFrom, int aTo, int bFrom, int bTo) {
		int length = Math.min(aTo - aFrom, bTo - bFrom);
		for (int i = 0; i < length; i++) {
			int a = this.bytes[aFrom + i] & 0xff;
			int b = this.bytes[bFrom + i] & 0xff;
			if (a != b) {
				return a - b;
			}
		}
		return (aTo - aFrom) - (bTo - bFrom);
	}

	private static boolean same(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
		if (aTo - aFrom != bTo - bFrom) {
			return false;
		}
		for (int i = 0; i < aTo - aFrom; i++) {
			if (a[aFrom + i] != b[bFrom + i]) {
				return false;
			}
		}
		return true;
	}

	private boolean isUtf8(int from, int to) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(this.bytes, from, to - from));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/** The offending text for a message, with control characters made visible. */
	private String show(int from, int to) {
		String text = new String(this.bytes, from, Math.min(to - from, 80), StandardCharsets.UTF_8);
		StringBuilder shown = new StringBuilder();
		text.codePoints().forEach((c) -> {
			if (c < 0x20 || c == 0x7f) {
				shown.append(String.format("\\x%02x", c));
			}
			else {
				shown.appendCodePoint(c);
			}
		});
		return (to - from > 80) ? shown + "…" : shown.toString();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/** Open addressing over the code bytes, so a choice is resolved without a String. */
	private static final class SchoolTable {

		private final byte[][] codes;

		private final int[] slots;

		SchoolTable(List<String> codes) {
			this.codes = new byte[codes.size()][];
			this.slots = new int[Integer.highestOneBit(Math.max(1, codes.size()) * 2) * 2];
			for (int x = 0; x < codes.size(); x++) {
				this.codes[x] = codes.get(x).getBytes(StandardCharsets.ISO_8859_1);
				int slot = slot(this.codes[x], 0, this.codes[x].length);
				while (this.slots[slot] != 0) {
					slot = (slot + 1) & (this.slots.length - 1);
				}
				this.slots[slot] = x + 1;
			}
		}

		int find(byte[] bytes, int from, int to) {
			int slot = slot(bytes, from, to);
			while (this.slots[slot] != 0) {
				byte[] code = this.codes[this.slots[slot] - 1];
				if (same(code, 0, code.length, bytes, from, to)) {
					return this.slots[slot] - 1;
				}
				slot = (slot + 1) & (this.slots.length - 1);
			}
			return -1;
		}

		/**
		 * Fibonacci hashing: codes such as S00001, S00002 would crowd into runs
		 * otherwise.
		 */
		private int slot(byte[] bytes, int from, int to) {
			int h = 0;
			for (int i = from; i < to; i++) {
				h = 31 * h + bytes[i];
			}
			return (h * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(this.slots.length));
		}

	}

}
