package org.ruxue.lottery.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ruxue.lottery.Checker;
import org.ruxue.lottery.Draw;
import org.ruxue.lottery.InvalidSnapshotException;
import org.ruxue.lottery.Mechanism;
import org.ruxue.lottery.Result;
import org.ruxue.lottery.Simulator;
import org.ruxue.lottery.Snapshot;
import org.ruxue.lottery.SnapshotParser;
import org.ruxue.lottery.SnapshotWriter;
import org.ruxue.lottery.TieBreaking;
import org.ruxue.lottery.Verdict;
import org.ruxue.lottery.Verifier;

/**
 * The public verifier and the city's drawing tool. Exit 0 when all is well, 1 when a
 * verification or check fails (naming the first offending line), 2 for bad input.
 */
public final class LotteryCommand {

	static final int OK = 0;

	static final int FAILED = 1;

	static final int BAD_INPUT = 2;

	private final OutputStream stdout;

	private final PrintStream out;

	private final PrintStream err;

	LotteryCommand(OutputStream stdout, OutputStream stderr) {
		this.stdout = stdout;
		this.out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
		this.err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
	}

	public static void main(String[] args) {
		OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
		LotteryCommand command = new LotteryCommand(stdout, new FileOutputStream(FileDescriptor.err));
		int status = command.run(RawArguments.utf8(args));
		command.out.flush();
		System.exit(status);
	}

	int run(String... args) {
		if (args.length == 0) {
			this.err.print(Help.TEXT);
			return BAD_INPUT;
		}
		if (asksForHelp(args)) {
			this.out.print(Help.TEXT);
			return OK;
		}
		try {
			Options options = Options.parse(args);
			int status = switch (args[0]) {
				case "draw" -> draw(options);
				case "verify" -> verify(options);
				case "check" -> check(options);
				case "simulate" -> simulate(options);
				case "explain" -> explain(options);
				case "generate" -> generate(options);
				default -> throw new BadInput("unknown command '" + args[0] + "'; try --help");
			};
			this.out.flush();
			return status;
		}
		catch (InvalidSnapshotException ex) {
			this.err.println(ex.getMessage());
			return BAD_INPUT;
		}
		catch (BadInput | IllegalArgumentException ex) {
			this.err.println("error: " + ex.getMessage());
			return BAD_INPUT;
		}
		catch (IOException ex) {
			this.err.println("error: " + ex);
			return BAD_INPUT;
		}
	}

	/**
	 * Help is asked in the command's place or an option's, never in a value such as the
	 * entropy.
	 */
	private static boolean asksForHelp(String[] args) {
		boolean asks = Set.of("--help", "-h", "help").contains(args[0]);
		for (int i = 1; i < args.length; i += 2) {
			asks |= args[i].equals("--help") || args[i].equals("-h");
		}
		return asks;
	}

	private int draw(Options options) throws IOException {
		options.allow("snapshot", "entropy", "entropy-file", "out");
		Result result = Draw.run(snapshot(options), entropy(options));
		String target = options.optional("out");
		if (target == null) {
			result.writeTo(this.stdout);
		}
		else {
			try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(Path.of(target)), 1 << 16)) {
				result.writeTo(file);
			}
			this.err.println("placed " + result.placedCount() + " of " + result.snapshot().studentCount()
					+ " students; result written to " + target);
		}
		return OK;
	}

	private int verify(Options options) throws IOException {
		options.allow("snapshot", "entropy", "entropy-file", "result");
		Snapshot snapshot = snapshot(options);
		String entropy = entropy(options);
		return report(Verifier.verify(snapshot, entropy, read(options.required("result"))),
				"verified: a fresh draw reproduces the result byte for byte");
	}

	private int check(Options options) throws IOException {
		options.allow("snapshot", "result");
		Snapshot snapshot = snapshot(options);
		return report(Checker.check(snapshot, read(options.required("result"))),
				"checked: the result satisfies every property of LOTTERY.md for this snapshot");
	}

	private int report(Verdict verdict, String success) {
		this.out.println(verdict.passed() ? success : verdict.describe());
		return verdict.passed() ? OK : FAILED;
	}

	private int simulate(Options options) throws IOException {
		options.allow("snapshot", "runs", "threads", "seed", "out");
		Snapshot snapshot = snapshot(options);
		int runs = options.positive("runs", null);
		int threads = options.positive("threads", Runtime.getRuntime().availableProcessors());
		String seedText = options.optional("seed");
		long seed = (seedText != null) ? options.number("seed") : new SecureRandom().nextLong();
		long started = System.nanoTime();
		var simulation = Simulator.simulate(snapshot, runs, threads, seed);
		double seconds = (System.nanoTime() - started) / 1e9;
		String target = options.optional("out");
		if (target == null) {
			simulation.writeCsv(this.stdout);
		}
		else {
			try (OutputStream file = Files.newOutputStream(Path.of(target))) {
				simulation.writeCsv(file);
			}
		}
		this.err.printf("simulated %d runs on %d thread(s) in %.2f s (%.1f runs/s), seed %d%n", runs, threads, seconds,
				runs / seconds, seed);
		return OK;
	}

	private int explain(Options options) throws IOException {
		options.allow("snapshot", "entropy", "entropy-file", "student");
		Snapshot snapshot = snapshot(options);
		String student = options.required("student");
		if (!snapshot.hasStudent(student)) {
			throw new BadInput("no student '" + student + "' in the snapshot");
		}
		Result result = Draw.run(snapshot, entropy(options));
		this.out.println(result.explain(student).describe());
		return OK;
	}

	private int generate(Options options) throws IOException {
		options.allow("city", "students", "schools", "max-choices", "batches", "mechanism", "tie-breaking", "seed",
				"out");
		Mechanism mechanism = Mechanism
			.valueOf(options.choice("mechanism", "deferred-acceptance", "immediate-acceptance")
				.toUpperCase()
				.replace('-', '_'));
		TieBreaking tieBreaking = TieBreaking
			.valueOf(options.choice("tie-breaking", "single", "multiple").toUpperCase());
		SyntheticCity city = "chile".equals(options.optional("city")) ? SyntheticCity.chile(mechanism, tieBreaking)
				: SyntheticCity.beijing(mechanism, tieBreaking);
		city = new SyntheticCity(options.positive("students", city.students()),
				options.positive("schools", city.schools()), city.minChoices(),
				options.positive("max-choices", city.maxChoices()), options.positive("batches", city.batches()),
				city.zipf(), mechanism, tieBreaking,
				(options.optional("seed") != null) ? options.number("seed") : city.seed());
		byte[] bytes = SnapshotWriter.write(city.snapshot());
		String target = options.optional("out");
		if (target == null) {
			this.stdout.write(bytes);
		}
		else {
			Files.write(Path.of(target), bytes);
		}
		return OK;
	}

	private static Snapshot snapshot(Options options) throws IOException {
		return SnapshotParser.parse(read(options.required("snapshot")));
	}

	/** The entropy exactly as published: the argument, or the first line of a file. */
	private static String entropy(Options options) throws IOException {
		String text = options.optional("entropy");
		String file = options.optional("entropy-file");
		if ((text == null) == (file == null)) {
			throw new BadInput("give the entropy with exactly one of --entropy TEXT and --entropy-file FILE");
		}
		if (file != null) {
			text = firstLine(file);
		}
		Draw.requireEntropy(text);
		return text;
	}

	private static String firstLine(String file) throws IOException {
		byte[] bytes = read(file);
		int end = 0;
		while (end < bytes.length && bytes[end] != '\n') {
			end++;
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, 0, end))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new BadInput("the entropy file " + file + " is not valid UTF-8");
		}
	}

	private static byte[] read(String file) throws IOException {
		try {
			return Files.readAllBytes(Path.of(file));
		}
		catch (IOException ex) {
			throw new BadInput("cannot read " + file + ": " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? " " + ex.getMessage() : ""));
		}
	}

	/** Bad input the user can fix: exit 2 with the reason. */
	static final class BadInput extends RuntimeException {

		BadInput(String message) {
			super(message);
		}

	}

	/** {@code --name value} pairs after the command. */
	private record Options(String command, Map<String, String> values) {

		static Options parse(String[] args) {
			Map<String, String> values = new HashMap<>();
			for (int i = 1; i < args.length; i += 2) {
				if (!args[i].startsWith("--") || args[i].length() == 2) {
					throw new BadInput("expected an option such as --snapshot, found '" + args[i] + "'");
				}
				if (i + 1 >= args.length) {
					throw new BadInput("option " + args[i] + " needs a value");
				}
				if (values.put(args[i].substring(2), args[i + 1]) != null) {
					throw new BadInput("option " + args[i] + " given twice");
				}
			}
			return new Options(args[0], values);
		}

		void allow(String... names) {
			Set<String> allowed = Set.of(names);
			for (String name : this.values.keySet()) {
				if (!allowed.contains(name)) {
					throw new BadInput("'" + this.command + "' takes no option --" + name + "; try --help");
				}
			}
		}

		String required(String name) {
			String value = this.values.get(name);
			if (value == null) {
				throw new BadInput("'" + this.command + "' needs --" + name);
			}
			return value;
		}

		String optional(String name) {
			return this.values.get(name);
		}

		int positive(String name, Integer fallback) {
			String value = (fallback != null) ? this.values.get(name) : required(name);
			if (value == null) {
				return fallback;
			}
			try {
				int number = Integer.parseInt(value);
				if (number >= 1) {
					return number;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new BadInput("--" + name + " must be a whole number of at least 1, found '" + value + "'");
		}

		long number(String name) {
			try {
				return Long.parseLong(required(name));
			}
			catch (NumberFormatException ex) {
				throw new BadInput("--" + name + " must be a whole number, found '" + this.values.get(name) + "'");
			}
		}

		String choice(String name, String... allowed) {
			String value = this.values.getOrDefault(name, allowed[0]);
			if (!List.of(allowed).contains(value)) {
				throw new BadInput("--" + name + " must be one of " + String.join(", ", allowed));
			}
			return value;
		}

	}

}
