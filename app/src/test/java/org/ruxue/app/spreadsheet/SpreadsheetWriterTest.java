package org.ruxue.app.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What the writer writes, the reader reads back cell for cell, in XLSX and in CSV:
 * Chinese text, codes with leading zeros, an ID number ending in X, commas, quotes and
 * line breaks, empty and null cells.
 */
class SpreadsheetWriterTest {

	private static final List<String> HEADER = List.of("入学记录号", "姓名", "身份证号", "备注");

	private static final List<List<String>> ROWS = List.of(List.of("007", "王子轩", "11010120050301001X", "一,二"),
			Arrays.asList("008", "李\"小\"明", null, "第一行\n第二行"), List.of("009", "", "", "末"));

	@Test
	void xlsxReadsBackCellForCell() {
		assertThat(readBack("xlsx")).isEqualTo(expected());
	}

	@Test
	void csvReadsBackCellForCellAndStartsWithAByteOrderMark() {
		ByteArrayOutputStream out = write("csv");

		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("\uFEFF入学记录号,");
		assertThat(readBack("csv")).isEqualTo(expected());
	}

	@Test
	void knowsOnlyItsFormats() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpreadsheetWriter.of("xls", new ByteArrayOutputStream(), "s", HEADER));
	}

	private static List<List<String>> readBack(String format) {
		return SpreadsheetReader.read(write(format).toByteArray(), 100, n -> {
		}).stream().map(SpreadsheetReader.Row::cells).toList();
	}

	private static ByteArrayOutputStream write(String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (SpreadsheetWriter writer = SpreadsheetWriter.of(format, out, "新生", HEADER)) {
			ROWS.forEach(writer::row);
		}
		return out;
	}

	private static List<List<String>> expected() {
		return List.of(HEADER, List.of("007", "王子轩", "11010120050301001X", "一,二"),
				List.of("008", "李\"小\"明", "", "第一行\n第二行"), List.of("009", "", "", "末"));
	}

}
