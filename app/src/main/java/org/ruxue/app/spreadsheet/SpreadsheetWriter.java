package org.ruxue.app.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a table for download in the two forms {@link SpreadsheetReader} reads back: CSV
 * in UTF-8 with a byte-order mark (without it Excel reads Chinese as GBK and garbles it),
 * RFC 4180 quotes and CRLF line ends; and an XLSX workbook of one sheet whose numbers are
 * numeric cells, so that the figures can be summed and charted as they are.
 */
public final class SpreadsheetWriter {

	private SpreadsheetWriter() {
	}

	/**
	 * @param rows cells of each row: a {@link Number} is written as a number, anything
	 * else (null as empty) as its text
	 */
	public static byte[] csv(List<String> header, List<? extends List<?>> rows) {
		StringBuilder text = new StringBuilder("\uFEFF");
		text.append(line(header)).append("\r\n");
		for (List<?> row : rows) {
			text.append(line(row)).append("\r\n");
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * @param sheetName the sheet's name (at most 31 characters, none of []:*?/\)
	 * @param rows cells of each row, as for {@link #csv}
	 */
	public static byte[] xlsx(String sheetName, List<String> header, List<? extends List<?>> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(sheetName);
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row head = sheet.createRow(0);
			for (int i = 0; i < header.size(); i++) {
				Cell cell = head.createCell(i);
				cell.setCellValue(header.get(i));
				cell.setCellStyle(bold);
				sheet.setColumnWidth(i, Math.min(40, Math.max(10, header.get(i).length() * 2 + 2)) * 256);
			}
			sheet.createFreezePane(0, 1);
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				List<?> cells = rows.get(r);
				for (int i = 0; i < cells.size(); i++) {
					Object value = cells.get(i);
					if (value instanceof Number number) {
						row.createCell(i).setCellValue(number.doubleValue());
					}
					else if (value != null) {
						row.createCell(i).setCellValue(value.toString());
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String line(List<?> cells) {
		return cells.stream().map(SpreadsheetWriter::field).collect(Collectors.joining(","));
	}

	private static String field(Object value) {
		String text = (value == null) ? "" : value.toString();
		return text.matches("(?s).*[,\"\\r\\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
	}

}
