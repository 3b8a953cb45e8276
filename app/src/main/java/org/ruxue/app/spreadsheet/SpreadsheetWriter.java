package org.ruxue.app.spreadsheet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a spreadsheet row by row, in the forms {@link SpreadsheetReader} reads: an XLSX
 * workbook of one sheet, streamed (POI's SXSSF keeps a window of rows in memory, the rest
 * on disk until the end), every cell text so that codes and ID numbers keep their leading
 * zeros and their X; or CSV in UTF-8 with a byte-order mark (so that Excel reads
 * Chinese), RFC 4180 quotes and CRLF line ends. The first row is the header, in bold in
 * XLSX. {@link #close()} finishes the file; the stream it was given stays open.
 */
public abstract sealed class SpreadsheetWriter implements AutoCloseable {

	/** The formats this writer knows, by the name of their file extension. */
	public static final List<String> FORMATS = List.of("xlsx", "csv");

	private SpreadsheetWriter() {
	}

	/**
	 * A writer of the format named {@code xlsx} or {@code csv}.
	 * @throws IllegalArgumentException for another format
	 */
	public static SpreadsheetWriter of(String format, OutputStream out, String sheetName, List<String> header) {
		return switch (String.valueOf(format)) {
			case "xlsx" -> new Xlsx(out, sheetName, header);
			case "csv" -> new Csv(out, header);
			default -> throw new IllegalArgumentException("A spreadsheet is xlsx or csv, not " + format);
		};
	}

	/** The media type of a format {@link #FORMATS} names. */
	public static String mediaType(String format) {
		return "xlsx".equals(format) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
				: "text/csv;charset=UTF-8";
	}

	/**
	 * A whole table at once, for a small download: CSV as {@link #of} writes it; a number
	 * is written as its text, null as an empty cell.
	 */
	public static byte[] csv(List<String> header, List<? extends List<?>> rows) {
		return table("csv", "-", header, rows);
	}

	/** As {@link #csv}, as an XLSX workbook of one sheet. */
	public static byte[] xlsx(String sheetName, List<String> header, List<? extends List<?>> rows) {
		return table("xlsx", sheetName, header, rows);
	}

	private static byte[] table(String format, String sheetName, List<String> header, List<? extends List<?>> rows) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (SpreadsheetWriter writer = of(format, out, sheetName, header)) {
			for (List<?> row : rows) {
				writer.row(row.stream().map(cell -> (cell != null) ? cell.toString() : null).toList());
			}
		}
		return out.toByteArray();
	}

	/** Appends a row; a null cell is written empty. */
	public abstract void row(List<String> cells);

	/** Finishes the file; the output stream is flushed, not closed. */
	@Override
	public abstract void close();

	private static final class Xlsx extends SpreadsheetWriter {

		private final SXSSFWorkbook workbook = new SXSSFWorkbook(500);

		private final SXSSFSheet sheet;

		private final OutputStream out;

		private final CellStyle text;

		private int next;

		Xlsx(OutputStream out, String sheetName, List<String> header) {
			this.out = out;
			this.sheet = workbook.createSheet(sheetName);
			this.text = workbook.createCellStyle();
			this.text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			write(header, bold);
			for (int i = 0; i < header.size(); i++) {
				sheet.setColumnWidth(i, 18 * 256);
			}
		}

		@Override
		public void row(List<String> cells) {
			write(cells, text);
		}

		private void write(List<String> cells, CellStyle style) {
			Row row = sheet.createRow(next++);
			for (int i = 0; i < cells.size(); i++) {
				row.createCell(i).setCellValue((cells.get(i) != null) ? cells.get(i) : "");
				row.getCell(i).setCellStyle(style);
			}
		}

		@Override
		public void close() {
			try {
				workbook.write(out);
				out.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			finally {
				workbook.dispose();
				try {
					workbook.close();
				}
				catch (IOException ex) {
					// the temporary files are gone already
				}
			}
		}

	}

	private static final class Csv extends SpreadsheetWriter {

		private final Writer out;

		Csv(OutputStream out, List<String> header) {
			this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
			write("\uFEFF");
			row(header);
		}

		@Override
		public void row(List<String> cells) {
			StringBuilder line = new StringBuilder(cells.size() * 16);
			for (int i = 0; i < cells.size(); i++) {
				if (i > 0) {
					line.append(',');
				}
				String cell = (cells.get(i) != null) ? cells.get(i) : "";
				if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\r') >= 0
						|| cell.indexOf('\n') >= 0) {
					line.append('"').append(cell.replace("\"", "\"\"")).append('"');
				}
				else {
					line.append(cell);
				}
			}
			write(line.append("\r\n").toString());
		}

		private void write(String text) {
			try {
				out.write(text);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() {
			try {
				out.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
