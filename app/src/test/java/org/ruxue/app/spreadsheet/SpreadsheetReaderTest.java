package org.ruxue.app.spreadsheet;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV as Excel and other tools write it: BOM, quotes, line breaks in a cell, blank rows.
 */
class SpreadsheetReaderTest {

	@Test
	void readsQuotedCellsAcrossLinesAndNumbersRowsAsTheFileDoes() {
		String csv = "\uFEFFa,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\"two\nlines\"\r\n\r\n,,\r\nlast,,z";

		List<SpreadsheetReader.Row> rows = SpreadsheetReader.read(csv.getBytes(StandardCharsets.UTF_8), 10, n -> {
		});

		assertThat(rows).containsExactly(new SpreadsheetReader.Row(1, List.of("a", "b", "c")),
				new SpreadsheetReader.Row(2, List.of("x, y", "he said \"hi\"", "two\nlines")),
				new SpreadsheetReader.Row(6, List.of("last", "", "z")));
	}

}
