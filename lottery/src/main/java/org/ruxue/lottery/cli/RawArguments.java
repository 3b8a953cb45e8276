package org.ruxue.lottery.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line arguments read as UTF-8 whatever the machine's locale: under a C or
 * POSIX locale the JVM decodes arguments as ASCII, which would silently change a
 * non-ASCII entropy and so the seed. On Linux the original bytes are in
 * {@code /proc/self/cmdline}.
 */
final class RawArguments {

	private RawArguments() {
	}

	static String[] utf8(String[] args) {
		String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
		if (!Charset.isSupported(encoding) || Charset.forName(encoding).equals(StandardCharsets.UTF_8)) {
			return args;
		}
		try {
			List<String> all = split(Files.readAllBytes(Path.of("/proc/self/cmdline")));
			if (all.size() < args.length) {
				return args;
			}
			return all.subList(all.size() - args.length, all.size()).toArray(String[]::new);
		}
		catch (IOException | RuntimeException ex) {
			return args;
		}
	}

	private static List<String> split(byte[] cmdline) throws CharacterCodingException {
		List<String> args = new ArrayList<>();
		int from = 0;
		for (int i = 0; i < cmdline.length; i++) {
			if (cmdline[i] == 0) {
				args.add(StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(cmdline, from, i - from))
					.toString());
				from = i + 1;
			}
		}
		return args;
	}

}
