package org.ruxue.lottery;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotParserTest {

	private static final String HEAD = "ruxue-lottery/1\nmechanism: deferred-acceptance\ntie-breaking: single\n";

	@Test
	void readsTheExampleOfTheSpecification() {
		Snapshot snapshot = Cities.example();
		assertThat(snapshot.mechanism()).isEqualTo(Mechanism.DEFERRED_ACCEPTANCE);
		assertThat(snapshot.tieBreaking()).isEqualTo(TieBreaking.SINGLE);
		assertThat(snapshot.schools()).containsExactly("S001", "S002", "S004", "S009");
		assertThat(snapshot.capacity("S004")).isEqualTo(30);
		assertThat(snapshot.students()).containsExactly("7f3a9c01", "9b20aa17", "c0ffee00");
		assertThat(snapshot.choices("7f3a9c01")).containsExactly(new Choice("S004", 0, 1), new Choice("S002", 0, 2),
				new Choice("S001", 1, 2), new Choice("S009", 0, 3));
		assertThat(snapshot.choices("c0ffee00")).containsExactly(new Choice("S002", 2, 2));
		assertThat(snapshot.batchCount()).isEqualTo(3);
	}

	@Test
	void hashesTheFileBytes() {
		// openssl dgst -sha256 over the example file
		assertThat(Cities.example().hash())
			.isEqualTo("9548056d3e56474444e8033958a34b90a189857e06b30ac5af62a4c3d4846517");
	}

	@Test
	void acceptsZeroSchoolsAndZeroStudents() {
		Snapshot snapshot = SnapshotParser.parse(bytes(HEAD));
		assertThat(snapshot.schoolCount()).isZero();
		assertThat(snapshot.studentCount()).isZero();
	}

	@Test
	void acceptsStudentsWithoutChoicesAndEmptyBatches() {
		Snapshot snapshot = SnapshotParser
			.parse(bytes(HEAD + "school A 0\nstudent x\nstudent y | |\nstudent z | | A:0\n"));
		assertThat(snapshot.choices("x")).isEmpty();
		assertThat(snapshot.choices("y")).isEmpty();
		assertThat(snapshot.choices("z")).containsExactly(new Choice("A", 0, 3));
		assertThat(SnapshotWriter.write(snapshot)).isEqualTo(snapshot.bytes());
	}

	@Test
	void acceptsTheLargestNumbersAndLongestNames() {
		String code = "a".repeat(64);
		Snapshot snapshot = SnapshotParser
			.parse(bytes(HEAD + "school " + code + " 999999999\nstudent " + code + " " + code + ":999999999\n"));
		assertThat(snapshot.capacity(code)).isEqualTo(999_999_999);
		assertThat(snapshot.choices(code).get(0).tier()).isEqualTo(999_999_999);
	}

	@Test
	void refusesAnEmptyFile() {
		assertRefused("", 1, "empty file");
	}

	@Test
	void refusesAMissingFinalLf() {
		assertRefused(HEAD + "school A 1", 4, "missing LF at the end of the last line");
	}

	@Test
	void refusesCarriageReturns() {
		assertRefused("ruxue-lottery/1\r\nmechanism: deferred-acceptance\n", 1, "carriage return (CR) found");
	}

	@Test
	void refusesInvalidUtf8OnTheLineWhereItIsFound() {
		byte[] bytes = bytes(HEAD + "school A 1\nstudent x A:0\n");
		bytes[bytes.length - 3] = (byte) 0xC3;
		assertThatThrownBy(() -> SnapshotParser.parse(bytes)).isInstanceOfSatisfying(InvalidSnapshotException.class,
				(ex) -> {
					assertThat(ex.line()).isEqualTo(5);
					assertThat(ex.reason()).isEqualTo("invalid UTF-8");
				});
	}

	@Test
	void refusesAByteOrderMark() {
		assertRefused("\uFEFF" + HEAD, 1, "byte order mark");
	}

	@Test
	void refusesBlankLines() {
		assertRefused(HEAD + "school A 1\n\nstudent x\n", 5, "blank line");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			"school A 1 "             | trailing space
			" school A 1"             | leading space
			"school  A 1"             | two spaces in a row
			"school A 01"             | invalid capacity '01'
			"school A 1000000000"     | invalid capacity '1000000000'
			"school A -1"             | invalid capacity '-1'
			"school A"                | expected 'school CODE CAPACITY'
			"school A 1 2"            | expected 'school CODE CAPACITY'
			"school A.B 1"            | invalid school code 'A.B'
			"school 学校 1"            | invalid school code '学校'
			"teacher A 1"             | expected a 'school' or 'student' line
			"school\tA 1"             | expected a 'school' or 'student' line, found 'school\\x09A'
			""")
	void refusesBadSchoolLines(String line, String reason) {
		assertRefused(HEAD + line + "\n", 4, reason);
	}

	@Test
	void refusesSchoolsOutOfOrder() {
		assertRefused(HEAD + "school B 1\nschool A 1\n", 5, "school code 'A' comes after 'B'");
	}

	@Test
	void refusesSchoolsInCaseInsensitiveOrder() {
		// byte order puts every upper-case letter before every lower-case one
		assertRefused(HEAD + "school a 1\nschool B 1\n", 5, "school code 'B' comes after 'a'");
	}

	@Test
	void refusesDuplicateSchools() {
		assertRefused(HEAD + "school A 1\nschool A 2\n", 5, "duplicate school code 'A'");
	}

	@Test
	void refusesSchoolsAfterStudents() {
		assertRefused(HEAD + "school A 1\nstudent x A:0\nschool B 1\n", 6, "school line after student lines");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			"student"                 | expected 'student ID' followed by the choices
			"student x B:0"           | undeclared school 'B'
			"student x A:0 A:1"       | school 'A' listed twice
			"student x A:0 | A:1"     | school 'A' listed twice
			"student x A"             | invalid choice 'A': expected CODE:TIER
			"student x A:"            | invalid tier ''
			"student x A:01"          | invalid tier '01'
			"student x A:1:2"         | invalid tier '1:2'
			"student x :1"            | invalid school code ''
			"student x ||"            | invalid choice '||'
			"student x"               | ok
			"student x.y A:0"         | invalid student id 'x.y'
			""")
	void refusesBadStudentLines(String line, String reason) {
		String text = HEAD + "school A 1\n" + line + "\n";
		if (reason.equals("ok")) {
			assertThat(SnapshotParser.parse(bytes(text)).students()).containsExactly("x");
		}
		else {
			assertRefused(text, 5, reason);
		}
	}

	@Test
	void refusesStudentsOutOfOrder() {
		assertRefused(HEAD + "student b\nstudent a\n", 5, "student id 'a' comes after 'b'");
	}

	@Test
	void refusesDuplicateStudents() {
		assertRefused(HEAD + "student a\nstudent a\n", 5, "duplicate student id 'a'");
	}

	@Test
	void refusesTooLongIds() {
		assertRefused(HEAD + "student " + "a".repeat(65) + "\n", 4, "invalid student id");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					"ruxue-lottery/2\\n"                                              | 1 | expected 'ruxue-lottery/1'
					"ruxue-lottery/1\\n"                                              | 2 | missing 'mechanism:' line
					"ruxue-lottery/1\\nmechanism: boston\\n"                           | 2 | expected 'mechanism: deferred-acceptance' or
					"ruxue-lottery/1\\nmechanism:deferred-acceptance\\n"               | 2 | expected 'mechanism: deferred-acceptance' or
					"ruxue-lottery/1\\nmechanism: deferred-acceptance\\n"              | 3 | missing 'tie-breaking:' line
					"ruxue-lottery/1\\nmechanism: deferred-acceptance\\ntie-breaking: none\\n" | 3 | expected 'tie-breaking: single' or
					"ruxue-lottery/1\\ntie-breaking: single\\nmechanism: deferred-acceptance\\n" | 2 | expected 'mechanism:
					""")
	void refusesBadHeaders(String text, int line, String reason) {
		assertRefused(text.replace("\\n", "\n"), line, reason);
	}

	@Test
	void namesTheFirstBrokenRuleOnly() {
		assertRefused(HEAD + "school B 1\nschool A x\n", 5, "invalid capacity 'x'");
	}

	@Test
	void buildsTheSameSnapshotFromAnyOrder() {
		Snapshot built = Snapshot.builder(Mechanism.DEFERRED_ACCEPTANCE, TieBreaking.SINGLE)
			.student("c0ffee00", List.of(new Choice("S002", 2, 2)))
			.school("S009", 45)
			.student("9b20aa17", Choice.of("S001", 0))
			.school("S001", 120)
			.school("S004", 30)
			.student("7f3a9c01", new Choice("S004", 0, 1), new Choice("S002", 0, 2), new Choice("S001", 1, 2),
					new Choice("S009", 0, 3))
			.school("S002", 80)
			.build();
		assertThat(built.bytes()).isEqualTo(Cities.exampleBytes());
		assertThat(built.hash()).isEqualTo(Cities.example().hash());
	}

	@Test
	void builderNamesTheStudentWhoseLineIsWrong() {
		Snapshot.Builder builder = Snapshot.builder(Mechanism.DEFERRED_ACCEPTANCE, TieBreaking.SINGLE)
			.school("A", 1)
			.student("x", Choice.of("B", 0));
		assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("student 'x': undeclared school 'B'");
	}

	@Test
	void builderRefusesIdsThatCouldBreakTheFormat() {
		Snapshot.Builder builder = Snapshot.builder(Mechanism.DEFERRED_ACCEPTANCE, TieBreaking.SINGLE);
		assertThatThrownBy(() -> builder.student("a b")).hasMessageContaining("invalid student id 'a b'");
		assertThatThrownBy(() -> builder.school("A", -1)).hasMessageContaining("invalid capacity");
		assertThatThrownBy(() -> builder.student("x", new Choice("A", 0, 2), new Choice("B", 0, 1)))
			.hasMessageContaining("batch 1 listed after batch 2");
	}

	private static void assertRefused(String text, int line, String reason) {
		assertThatThrownBy(() -> SnapshotParser.parse(bytes(text)))
			.isInstanceOfSatisfying(InvalidSnapshotException.class, (ex) -> {
				assertThat(ex.line()).isEqualTo(line);
				assertThat(ex.reason()).startsWith(reason);
				assertThat(ex.getMessage()).isEqualTo("line " + line + ": " + ex.reason());
			});
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
