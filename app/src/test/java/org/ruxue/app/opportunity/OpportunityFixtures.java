package org.ruxue.app.opportunity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.SchoolLevel;
import org.ruxue.app.zoning.Schools;

/**
 * Named junior highs, the city administrator, and import files of the template's columns.
 */
final class OpportunityFixtures {

	static final String HEADER = "初中学校代码*,初中学校名称,年份*,毕业生人数*,进入优质高中比例（%）*,优质高中代码,优质高中名称,名额分配名额";

	static final SignedIn CITY = new SignedIn(AccountId.random(), "hs-city", "市教委", Role.CITY_ADMIN, null, null);

	static final SignedIn HAIDIAN_OFFICER = new SignedIn(AccountId.random(), "hs-haidian", "海淀区教委",
			Role.DISTRICT_OFFICER, "110108", null);

	private OpportunityFixtures() {
	}

	/** A general public junior high of Haidian (110108) or Dongcheng (110101). */
	static School publicJunior(Schools schools, String code, String name) {
		School school = new School(code, name, code.substring(0, 6), SchoolLevel.JUNIOR, true, "北京市测试路1号", 240);
		schools.save(school, Actor.SYSTEM);
		return school;
	}

	static School privateJunior(Schools schools, String code, String name) {
		School school = new School(code, name, code.substring(0, 6), SchoolLevel.JUNIOR, false, "北京市测试路2号", 120);
		schools.save(school, Actor.SYSTEM);
		return school;
	}

	static byte[] csv(String... lines) {
		return ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	static byte[] xlsx(String[]... rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("名额分配");
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					row.createCell(c).setCellValue(rows[r][c]);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The job once its worker stopped, waiting up to a minute. */
	static ImportJob finished(OpportunityImports imports, EnrollmentCalendar calendar, UUID id) {
		Instant until = Instant.now().plus(Duration.ofSeconds(60));
		ImportJob job = imports.job(id, CITY);
		while (job.running(calendar.now()) && Instant.now().isBefore(until)) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			job = imports.job(id, CITY);
		}
		return job;
	}

}
