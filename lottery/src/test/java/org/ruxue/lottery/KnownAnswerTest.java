package org.ruxue.lottery;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known answers computed with OpenSSL, not with this code (the commands are in the
 * module's README), so that a bug shared by the draw and its tests cannot hide.
 */
class KnownAnswerTest {

	// openssl dgst -sha256 example.snapshot
	private static final String HASH = "9548056d3e56474444e8033958a34b90a189857e06b30ac5af62a4c3d4846517";

	// printf '%s\n%s' "$HASH" '2017-07-05 notary draw 07 19 23 31 42 08' | openssl dgst
	// -sha256
	private static final String SEED = "df417eae6ac13e3a81ac8a1b11b98d0ccb172efdc9c2f992b0a92cb29f1137b2";

	@Test
	void seedIsTheHashOfSnapshotHashAndEntropy() {
		assertThat(Cities.example().hash()).isEqualTo(HASH);
		assertThat(HexFormat.of().formatHex(LotteryNumbers.seed(HASH, Cities.EXAMPLE_ENTROPY))).isEqualTo(SEED);
	}

	@Test
	void seedTakesNonAsciiEntropyAsUtf8() {
		// printf '%s\n%s' "$HASH" '公证处 2017-07-05 07 19 23' | openssl dgst -sha256
		assertThat(HexFormat.of().formatHex(LotteryNumbers.seed(HASH, "公证处 2017-07-05 07 19 23")))
			.isEqualTo("8b9727f5d14100b45eca58a4392c32442eadd702ede3ab7008071a482e912de3");
	}

	@Test
	void singleNumbersAreTheFirstEightBytesOfTheHmac() {
		// printf 'student\n%s' ID | openssl dgst -sha256 -mac HMAC -macopt hexkey:$SEED
		assertThat(single("7f3a9c01")).isEqualTo("347ce8aa59c93d61");
		assertThat(single("9b20aa17")).isEqualTo("3caf7f156bc319a8");
		assertThat(single("c0ffee00")).isEqualTo("93ba731766b314b1");
	}

	@Test
	void multipleNumbersAreDrawnPerSchool() {
		// printf 'student\n%s\nschool\n%s' ID CODE | openssl dgst -sha256 -mac HMAC
		// -macopt
		// hexkey:$SEED
		assertThat(atSchool("7f3a9c01", "S004")).isEqualTo("3768e0d96a4cb64b");
		assertThat(atSchool("7f3a9c01", "S002")).isEqualTo("824e50654582fce8");
		assertThat(atSchool("7f3a9c01", "S001")).isEqualTo("42d6f7295bdf0b53");
		assertThat(atSchool("7f3a9c01", "S009")).isEqualTo("e91d016f42a44c72");
		assertThat(atSchool("9b20aa17", "S001")).isEqualTo("6cf0c4feda195b5c");
		assertThat(atSchool("c0ffee00", "S002")).isEqualTo("9e8624d4b21b8417");
	}

	@Test
	void numbersArePaddedToSixteenDigits() {
		// printf 'student\nz208' | openssl dgst -sha256 -mac HMAC -macopt hexkey:$SEED
		assertThat(single("z208")).isEqualTo("000d63734cc0d465");
	}

	@Test
	void theExampleDrawReproducesTheVectors() {
		String result = new String(Draw.run(Cities.example(), Cities.EXAMPLE_ENTROPY).write(), StandardCharsets.UTF_8);
		assertThat(result).isEqualTo("""
				ruxue-lottery-result/1
				snapshot: %s
				entropy: 2017-07-05 notary draw 07 19 23 31 42 08
				seed: %s
				placed 7f3a9c01 S004 1 347ce8aa59c93d61
				placed 9b20aa17 S001 1 3caf7f156bc319a8
				placed c0ffee00 S002 1 93ba731766b314b1
				""".formatted(HASH, SEED));
	}

	@Test
	void underMultipleTheResultPrintsTheNumberAtTheFirstListedSchool() {
		// the example with 'tie-breaking: multiple': its own hash and seed, and each
		// student's number at the school of its first choice (S002 for c0ffee00, whose
		// first batch is empty)
		byte[] bytes = Cities.EXAMPLE_TEXT.replace("tie-breaking: single", "tie-breaking: multiple")
			.getBytes(StandardCharsets.UTF_8);
		String result = new String(Draw.run(SnapshotParser.parse(bytes), Cities.EXAMPLE_ENTROPY).write(),
				StandardCharsets.UTF_8);
		assertThat(result).isEqualTo("""
				ruxue-lottery-result/1
				snapshot: 4590eb12b9b9a69071ecf2685a6bcf4d3cfba85254523ea19a4f51aec20332d8
				entropy: 2017-07-05 notary draw 07 19 23 31 42 08
				seed: 7a7e258d6391d94bfffd8583f230d18860234bd32c65355ed123dcf7fa273786
				placed 7f3a9c01 S004 1 cce481ea1c7aa795
				placed 9b20aa17 S001 1 dc188919d0077aba
				placed c0ffee00 S002 1 356d56ca4725b17b
				""");
	}

	private static String single(String id) {
		return Hex.of(new LotteryNumbers(HexFormat.of().parseHex(SEED)).student(id).single());
	}

	private static String atSchool(String id, String school) {
		return Hex.of(new LotteryNumbers(HexFormat.of().parseHex(SEED)).student(id)
			.atSchool(school.getBytes(StandardCharsets.US_ASCII)));
	}

}
