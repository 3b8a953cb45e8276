package org.ruxue.app.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the rows of an uploaded file, whatever its name says: an XLSX workbook (its first
 * sheet, streamed, so a large sheet is never held as a workbook) or CSV in UTF-8 with or
 * without a byte-order mark (RFC 4180: quoted fields may hold commas, quotes and line
 * breaks). Anything else is refused with the reason ({@link UnreadableSpreadsheet}),
 * which the importing module words for its users.
 */
public final class SpreadsheetReader {

	/** A non-blank row, numbered as the spreadsheet numbers it (the header is row 1). */
	public record Row(int number, List<String> cells) {

	}

	private SpreadsheetReader() {
	}

	/**
	 * @param maxRows rows after which the file is refused (the header not counted)
	 * @param progress told the number of rows read so far, now and then
	 * @return the header and then the data rows
	 */
	public static List<Row> read(byte[] content, int maxRows, java.util.function.IntConsumer progress) {
		if (content.length == 0) {
			throw new UnreadableSpreadsheet("empty");
		}
		Collector rows = new Collector(maxRows, progress);
		if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
			readXlsx(content, rows);
		}
		else if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
			throw new UnreadableSpreadsheet("xls");
		}
		else {
			readCsv(content, rows);
		}
		if (rows.rows.isEmpty()) {
			throw new UnreadableSpreadsheet("empty");
		}
		progress.accept(rows.rows.size() - 1);
		return rows.rows;
	}

	private static void readXlsx(byte[] content, Collector rows) {
		try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(content))) {
			XSSFReader reader = new XSSFReader(workbook);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new UnreadableSpreadsheet("empty");
			}
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(
					new XSSFSheetXMLHandler(reader.getStylesTable(), null, new ReadOnlySharedStringsTable(workbook),
							new SheetRows(rows), new DataFormatter(Locale.ROOT), false));
			try (InputStream sheet = sheets.next()) {
				parser.parse(new InputSource(sheet));
			}
		}
		catch (UnreadableSpreadsheet ex) {
			throw ex;
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException ex) {
			if (ex instanceof InvalidFormatException || ex instanceof OpenXML4JException
					|| ex instanceof org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException) {
				throw new UnreadableSpreadsheet("not-xlsx");
			}
			throw new UnreadableSpreadsheet("unreadable");
		}
	}

	private static void readCsv(byte[] content, Collector rows) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new UnreadableSpreadsheet("not-csv");
		}
		if (text.indexOf('\0') >= 0) {
			throw new UnreadableSpreadsheet("not-csv");
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int recordLine = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					line += (c == '\n') ? 1 : 0;
					cell.append(c);
				}
			}
			else if (c == '"' && cell.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(cell.toString());
				cell.setLength(0);
				rows.add(recordLine, cells);
				cells = new ArrayList<>();
				line++;
				recordLine = line;
			}
			else {
				cell.append(c);
			}
		}
		if (quoted) {
			throw new UnreadableSpreadsheet("open-quote", recordLine);
		}
		if (!cell.isEmpty() || !cells.isEmpty()) {
			cells.add(cell.toString());
			rows.add(recordLine, cells);
		}
	}

	private static boolean startsWith(byte[] content, int... signature) {
		if (content.length < signature.length) {
			return false;
		}
		for (int i = 0; i < signature.length; i++) {
			if ((content[i] & 0xFF) != signature[i]) {
				return false;
			}
		}
		return true;
	}

	/** Keeps non-blank rows, refuses the file past the row limit. */
	private static final class Collector {

		private final int maxRows;

		private final java.util.function.IntConsumer progress;

		private final List<Row> rows = new ArrayList<>();

		Collector(int maxRows, java.util.function.IntConsumer progress) {
			this.maxRows = maxRows;
			this.progress = progress;
		}

		void add(int number, List<String> cells) {
			if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
				return;
			}
			if (rows.size() > maxRows) {
				throw new UnreadableSpreadsheet("rows", maxRows);
			}
			rows.add(new Row(number, List.copyOf(cells.stream().map(c -> (c == null) ? "" : c.strip()).toList())));
			if (rows.size() % 1000 == 0) {
				progress.accept(rows.size() - 1);
			}
		}

	}

	/**
	 * The rows of a sheet from POI's streaming reader, blanks filled in between cells.
	 */
	private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final Collector rows;

		private List<String> cells;

		private int column;

		SheetRows(Collector rows) {
			this.rows = rows;
		}

		@Override
		public void startRow(int rowNum) {
			cells = new ArrayList<>();
			column = 0;
		}

		@Override
		public void endRow(int rowNum) {
			rows.add(rowNum + 1, cells);
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int at = (reference != null) ? new CellReference(reference).getCol() : column;
			while (cells.size() < at) {
				cells.add("");
			}
			cells.add(value);
			column = at + 1;
		}

	}

}
