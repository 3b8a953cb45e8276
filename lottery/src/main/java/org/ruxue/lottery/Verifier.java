package org.ruxue.lottery;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Re-runs a draw and compares the published result with it byte for byte: the check a
 * parent or a journalist runs with the published snapshot and entropy.
 */
public final class Verifier {

	private Verifier() {
	}

	/** Passes when a fresh draw reproduces {@code published} exactly. */
	public static Verdict verify(Snapshot snapshot, String entropy, byte[] published) {
		return compare(Draw.run(snapshot, entropy).write(), published);
	}

	static Verdict compare(byte[] expected, byte[] actual) {
		int line = 1;
		int e = 0;
		int a = 0;
		while (e < expected.length) {
			int eEnd = lineEnd(expected, e);
			int aEnd = lineEnd(actual, a);
			if (a >= actual.length) {
				return Verdict.fail(line, "missing; expected '" + show(expected, e, eEnd) + "'");
			}
			if (!Arrays.equals(expected, e, eEnd, actual, a, aEnd)) {
				return Verdict.fail(line,
						"expected '" + show(expected, e, eEnd) + "', found '" + show(actual, a, aEnd) + "'");
			}
			if (aEnd == actual.length) {
				return Verdict.fail(line, "missing LF at the end of the line");
			}
			e = eEnd + 1;
			a = aEnd + 1;
			line++;
		}
		if (a < actual.length) {
			return Verdict.fail(line, "unexpected line '" + show(actual, a, lineEnd(actual, a)) + "' after the end");
		}
		return Verdict.pass();
	}

	private static int lineEnd(byte[] bytes, int from) {
		int i = from;
		while (i < bytes.length && bytes[i] != '\n') {
			i++;
		}
		return i;
	}

	private static String show(byte[] bytes, int from, int to) {
		String text = new String(bytes, from, Math.min(to - from, 120), StandardCharsets.UTF_8);
		return text.replace("\r", "\\r");
	}

}
