package org.ruxue.app.opportunity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.stereotype.Component;

/**
 * The downloadable template: the header row in Chinese (a * marks a required column) and
 * one sample row, whose quality high school is a 示例 so that uploading the template
 * unchanged is a row error, as XLSX or as CSV in UTF-8 with a byte-order mark.
 */
@Component
class ImportTemplate {

	private final FigurePlanner planner;

	ImportTemplate(FigurePlanner planner) {
		this.planner = planner;
	}

	List<String> header() {
		return FigurePlanner.COLUMNS.stream()
			.map(c -> planner.heading(c.key(), Locale.SIMPLIFIED_CHINESE) + (c.required() ? "*" : ""))
			.toList();
	}

	List<String> sample(int year) {
		return List.of("110108-J001", "", Integer.toString(year), "320", "42.5", "HS-SAMPLE",
				FigurePlanner.SAMPLE_MARK + "优质高中", "6");
	}

	byte[] xlsx(int year) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("名额分配");
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			Row head = sheet.createRow(0);
			List<String> header = header();
			for (int i = 0; i < header.size(); i++) {
				head.createCell(i).setCellValue(header.get(i));
				head.getCell(i).setCellStyle(bold);
				// codes stay text, so that Excel keeps leading zeros and long numbers
				sheet.setDefaultColumnStyle(i, text);
				sheet.setColumnWidth(i, 18 * 256);
			}
			Row row = sheet.createRow(1);
			List<String> sample = sample(year);
			for (int i = 0; i < sample.size(); i++) {
				row.createCell(i).setCellValue(sample.get(i));
				row.getCell(i).setCellStyle(text);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	byte[] csv(int year) {
		String text = "\uFEFF" + line(header()) + "\r\n" + line(sample(year)) + "\r\n";
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String line(List<String> cells) {
		return cells.stream()
			.map(c -> c.matches(".*[,\"\\r\\n].*") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
			.collect(Collectors.joining(","));
	}

}
