package org.ruxue.app.zoning.admin;

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

import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.SchoolLevel;
import org.ruxue.app.zoning.Schools;

import org.springframework.stereotype.Component;

/**
 * The downloadable templates: the header row in Chinese (a * marks a required column) and
 * one sample row of the officer's district, as XLSX or as CSV in UTF-8 with a byte-order
 * mark (so that Excel opens it in the right encoding).
 */
@Component
class ImportTemplates {

	private final ImportPlanner planner;

	private final Schools schools;

	ImportTemplates(ImportPlanner planner, Schools schools) {
		this.planner = planner;
		this.schools = schools;
	}

	List<String> header(ImportKind kind) {
		return kind.columns()
			.stream()
			.map(c -> planner.heading(c.key(), Locale.SIMPLIFIED_CHINESE) + (c.required() ? "*" : ""))
			.toList();
	}

	/** What every sample row's name and address contain, and real data does not. */
	static final String SAMPLE_MARK = "示例";

	List<String> sample(ImportKind kind, District district, int year) {
		if (kind == ImportKind.SCHOOLS) {
			return List.of(district.code() + "-P901", "北京市" + district.name() + "示例小学", district.code(), "小学", "公办",
					"北京市" + district.name() + "示例路1号", "120");
		}
		String school = schools.inDistrict(district.code())
			.stream()
			.filter(s -> s.level() != SchoolLevel.JUNIOR)
			.map(School::code)
			.findFirst()
			.orElse(district.code() + "-P901");
		return List.of(district.code(), Integer.toString(year), "小学", "示例小区片", school, "", "示例小区", "", "示例小区北区;示例路1号院",
				"否");
	}

	byte[] xlsx(ImportKind kind, District district, int year) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(kind == ImportKind.SCHOOLS ? "学校" : "地址");
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			Row head = sheet.createRow(0);
			List<String> header = header(kind);
			for (int i = 0; i < header.size(); i++) {
				head.createCell(i).setCellValue(header.get(i));
				head.getCell(i).setCellStyle(bold);
				// codes stay text, so that Excel keeps leading zeros and long numbers
				sheet.setDefaultColumnStyle(i, text);
				sheet.setColumnWidth(i, 18 * 256);
			}
			Row row = sheet.createRow(1);
			List<String> sample = sample(kind, district, year);
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

	byte[] csv(ImportKind kind, District district, int year) {
		String text = "\uFEFF" + line(header(kind)) + "\r\n" + line(sample(kind, district, year)) + "\r\n";
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String line(List<String> cells) {
		return cells.stream()
			.map(c -> c.matches(".*[,\"\\r\\n].*") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
			.collect(Collectors.joining(","));
	}

}
