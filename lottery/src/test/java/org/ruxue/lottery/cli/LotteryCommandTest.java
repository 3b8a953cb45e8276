package org.ruxue.lottery.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LotteryCommandTest {

	private static final String SNAPSHOT = """
			ruxue-lottery/1
			mechanism: deferred-acceptance
			tie-breaking: single
			school S001 120
			school S002 80
			school S004 30
			school S009 45
			student 7f3a9c01 S004:0 | S002:0 S001:1 | S009:0
			student 9b20aa17 S001:0
			student c0ffee00 | S002:2
			""";

	private static final String ENTROPY = "2017-07-05 notary draw 07 19 23 31 42 08";

	private static final String RESULT = """
			ruxue-lottery-result/1
			snapshot: 9548056d3e56474444e8033958a34b90a189857e06b30ac5af62a4c3d4846517
			entropy: 2017-07-05 notary draw 07 19 23 31 42 08
			seed: df417eae6ac13e3a81ac8a1b11b98d0ccb172efdc9c2f992b0a92cb29f1137b2
			placed 7f3a9c01 S004 1 347ce8aa59c93d61
			placed 9b20aa17 S001 1 3caf7f156bc319a8
			placed c0ffee00 S002 1 93ba731766b314b1
			""";

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private String snapshot;

	@BeforeEach
	void writeSnapshot() throws IOException {
		this.snapshot = write("example.snapshot", SNAPSHOT);
	}

	@Test
	void drawsToStandardOutput() {
		assertThat(run("draw", "--snapshot", this.snapshot, "--entropy", ENTROPY)).isZero();
		assertThat(stdout()).isEqualTo(RESULT);
	}

	@Test
	void drawsToAFile() throws IOException {
		Path target = this.dir.resolve("example.result");
		assertThat(run("draw", "--snapshot", this.snapshot, "--entropy", ENTROPY, "--out", target.toString())).isZero();
		assertThat(Files.readString(target)).isEqualTo(RESULT);
		assertThat(stderr()).contains("placed 3 of 3 students");
	}

	@Test
	void readsTheEntropyFromTheFirstLineOfAFile() throws IOException {
		String entropy = write("entropy.txt", ENTROPY + "\nwitnessed by the notary\n");
		assertThat(run("draw", "--snapshot", this.snapshot, "--entropy-file", entropy)).isZero();
		assertThat(stdout()).isEqualTo(RESULT);
	}

	@Test
	void refusesEntropyWithACarriageReturn() throws IOException {
		String entropy = write("entropy.txt", ENTROPY + "\r\n");
		assertThat(run("draw", "--snapshot", this.snapshot, "--entropy-file", entropy)).isEqualTo(2);
		assertThat(stderr()).contains("entropy holds a line break");
	}

	@Test
	void refusesEmptyEntropy() {
		assertThat(run("draw", "--snapshot", this.snapshot, "--entropy", "")).isEqualTo(2);
		assertThat(stderr()).isEqualTo("error: entropy is empty\n");
	}

	@Test
	void verifiesAFaithfulResult() throws IOException {
		String result = write("example.result", RESULT);
		assertThat(run("verify", "--snapshot", this.snapshot, "--entropy", ENTROPY, "--result", result)).isZero();
		assertThat(stdout()).startsWith("verified");
	}

	@Test
	void verifyNamesTheFirstDifferingLine() throws IOException {
		String result = write("example.result", RESULT.replace("S001 1 3caf", "S001 2 3caf"));
		assertThat(run("verify", "--snapshot", this.snapshot, "--entropy", ENTROPY, "--result", result)).isOne();
		assertThat(stdout()).startsWith("line 6: expected 'placed 9b20aa17 S001 1 3caf7f156bc319a8'");
	}

	@Test
	void checksAResultWithoutTheEntropy() throws IOException {
		String result = write("example.result", RESULT);
		assertThat(run("check", "--snapshot", this.snapshot, "--result", result)).isZero();
		assertThat(stdout()).startsWith("checked");
	}

	@Test
	void checkNamesTheFirstOffendingLine() throws IOException {
		String result = write("example.result", RESULT.replace("placed 9b20aa17 S001 1", "unplaced 9b20aa17 - 0"));
		assertThat(run("check", "--snapshot", this.snapshot, "--result", result)).isOne();
		assertThat(stdout()).isEqualTo(
				"line 6: student '9b20aa17' and school S001 block in batch 1: the school still had a free seat\n");
	}

	@Test
	void reportsABrokenSnapshotWithItsLine() throws IOException {
		String broken = write("broken.snapshot", SNAPSHOT.replace("S001:0\n", "S003:0\n"));
		assertThat(run("draw", "--snapshot", broken, "--entropy", ENTROPY)).isEqualTo(2);
		assertThat(stderr()).isEqualTo("line 9: undeclared school 'S003'\n");
	}

	@Test
	void reportsAMissingFile() {
		assertThat(run("check", "--snapshot", this.dir.resolve("none").toString(), "--result", "x")).isEqualTo(2);
		assertThat(stderr()).startsWith("error: cannot read");
	}

	@Test
	void reportsMissingAndUnknownOptions() {
		assertThat(run("draw", "--snapshot", this.snapshot)).isEqualTo(2);
		assertThat(stderr()).contains("exactly one of --entropy TEXT and --entropy-file FILE");
		assertThat(run("check", "--snapshot", this.snapshot, "--entropy", ENTROPY)).isEqualTo(2);
		assertThat(run("shuffle")).isEqualTo(2);
		assertThat(run()).isEqualTo(2);
	}

	@Test
	void helpsInEnglishAndChinese() {
		assertThat(run("--help")).isZero();
		assertThat(stdout()).contains("Usage: java -jar ruxue-lottery.jar").contains("用法").contains("退出码");
		assertThat(run("draw", "--help")).isZero();
	}

	@Test
	void takesEntropyThatLooksLikeAnOption() {
		assertThat(run("draw", "--snapshot", this.snapshot, "--entropy", "--help")).isZero();
		assertThat(stdout()).contains("entropy: --help\n");
	}

	@Test
	void simulatesChancesAsCsv() throws IOException {
		Path target = this.dir.resolve("chances.csv");
		assertThat(run("simulate", "--snapshot", this.snapshot, "--runs", "10", "--threads", "2", "--seed", "1",
				"--out", target.toString()))
			.isZero();
		assertThat(Files.readAllLines(target)).startsWith("id,school,share", "7f3a9c01,S004,1.000000");
		assertThat(run("simulate", "--snapshot", this.snapshot, "--runs", "0")).isEqualTo(2);
	}

	@Test
	void explainsOneStudent() {
		assertThat(run("explain", "--snapshot", this.snapshot, "--entropy", ENTROPY, "--student", "7f3a9c01")).isZero();
		assertThat(stdout()).startsWith("choice 1, S004 (batch 1): placed");
	}

	@Test
	void generatesASnapshotItCanDraw() throws IOException {
		Path city = this.dir.resolve("city.snapshot");
		assertThat(run("generate", "--students", "500", "--schools", "12", "--mechanism", "immediate-acceptance",
				"--tie-breaking", "multiple", "--out", city.toString()))
			.isZero();
		Path result = this.dir.resolve("city.result");
		assertThat(run("draw", "--snapshot", city.toString(), "--entropy", "x", "--out", result.toString())).isZero();
		assertThat(run("check", "--snapshot", city.toString(), "--result", result.toString())).isZero();
	}

	private int run(String... args) {
		this.out.reset();
		this.err.reset();
		return new LotteryCommand(this.out, this.err).run(args);
	}

	private String stdout() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String stderr() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	private String write(String name, String content) throws IOException {
		Path file = this.dir.resolve(name);
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file.toString();
	}

}
