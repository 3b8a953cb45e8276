package org.ruxue.app.zoning.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.SchoolLevel;
import org.ruxue.app.zoning.Schools;
import org.ruxue.app.zoning.ZoneCandidate;
import org.ruxue.app.zoning.ZoneLookup;
import org.ruxue.app.zoning.ZoneQuery;
import org.ruxue.app.zoning.ZoningProblem;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 5: a district officer imports schools and address mappings (R-P5, R-Z1, R-Z4): a
 * preview first, errors per row with column and message, nothing written while any row is
 * wrong or when cancelled, a re-import changes nothing, and only the officer's own
 * district.
 */
@IntegrationTest
class ZoningAdminImportTest {

	static final String CHAOYANG = "110105";

	static final String DONGCHENG = "110101";

	static final String SCHOOL_HEADER = "学校代码*,学校名称*,区代码*,学段*,办学性质*,学校地址*,每年学位数*";

	static final String ADDRESS_HEADER = "区代码*,入学年度*,学段*,服务片名称*,对口学校代码*,多校派位学校代码（以;分隔）,标准地址*,楼号,别名（以;分隔）,多校派位登记小区（是/否）";

	@Autowired
	ZoningImports imports;

	@Autowired
	Schools schools;

	@Autowired
	ZoneLookup lookup;

	@Autowired
	EnrollmentCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.ruxue.app.audit.AuditTrail trail;

	@Autowired
	ImportTemplates templates;

	private final SignedIn chaoyangOfficer = officer(CHAOYANG);

	private final SignedIn city = new SignedIn(AccountId.random(), "za-city", "市教委", Role.CITY_ADMIN, null, null);

	@BeforeEach
	void year2017() {
		Calendars.sourceYear2017(calendar);
	}

	@Test
	void schoolsArePreviewedThenWrittenOnConfirmAndTheSameFileAgainChangesNothing() {
		byte[] file = csv(true, SCHOOL_HEADER, "110105-I001,北京市朝阳区导入测试第一小学,110105,小学,公办,北京市朝阳区导入路1号,120",
				"110105-I002,北京市朝阳区导入测试中学,110105,初中,民办,\"北京市朝阳区导入路2号,东门\",240");

		ImportJob preview = finished(imports.start(chaoyangOfficer, CHAOYANG, ImportKind.SCHOOLS, "schools.csv", file));

		assertThat(preview.status()).isEqualTo(ImportJob.Status.READY);
		assertThat(preview.added()).isEqualTo(2);
		assertThat(preview.rowsWithErrors()).isZero();
		assertThat(schools.byCode("110105-I001")).as("nothing is written before the confirmation").isEmpty();

		assertThat(imports.confirm(preview.id(), chaoyangOfficer)).isTrue();
		ImportJob written = finished(preview.id());

		assertThat(written.status()).isEqualTo(ImportJob.Status.WRITTEN);
		assertThat(written.rowsWritten()).isEqualTo(2);
		assertThat(schools.byCode("110105-I002")).contains(
				new School("110105-I002", "北京市朝阳区导入测试中学", CHAOYANG, SchoolLevel.JUNIOR, false, "北京市朝阳区导入路2号,东门", 240));
		assertThat(audited("zoning.school.saved", "110105-I001")).isEqualTo(1);
		assertThat(audited("zoning.import.written", preview.id().toString())).isEqualTo(1);

		long version = dictionaryVersion();
		ImportJob again = finished(imports.start(chaoyangOfficer, CHAOYANG, ImportKind.SCHOOLS, "schools.csv", file));

		assertThat(again.unchanged()).isEqualTo(2);
		assertThat(again.added() + again.changed()).isZero();
		assertThat(again.confirmable()).isFalse();
		assertThat(imports.confirm(again.id(), chaoyangOfficer)).isFalse();
		assertThat(dictionaryVersion()).isEqualTo(version);
		assertThat(audited("zoning.school.saved", "110105-I001")).isEqualTo(1);
	}

	@Test
	void aChangedSchoolIsPreviewedWithItsDifference() {
		schools.save(new School("110105-I010", "北京市朝阳区导入变更小学", CHAOYANG, SchoolLevel.PRIMARY, true, "朝阳区旧址", 60),
				Actor.SYSTEM);
		byte[] file = csv(false, SCHOOL_HEADER, "110105-I010,北京市朝阳区导入变更小学,110105,小学,公办,朝阳区新址,90");

		ImportJob preview = finished(imports.start(chaoyangOfficer, CHAOYANG, ImportKind.SCHOOLS, "change.csv", file));

		assertThat(preview.changed()).isEqualTo(1);
		assertThat(imports.rows(preview, PlannedRow.Action.CHANGE, 10).getFirst().difference())
			.isEqualTo("address: 朝阳区旧址 → 朝阳区新址; seats_per_year: 60 → 90");
	}

	@Test
	void rowErrorsNameTheRowAndColumnAndNothingIsWritten() throws IOException {
		byte[] file = xlsx(SCHOOL_HEADER.split(","),
				new String[] { "110105-I020", "北京市朝阳区导入正确小学", "110105", "小学", "公办", "朝阳区某路", "120" },
				new String[] { "110105-I021", "北京市朝阳区导入错误小学", "110105", "小学", "公办", "朝阳区某路", "很多" },
				new String[] { "110101-I022", "北京市东城区不该导入小学", "110101", "高中", "公办", "东城区某路", "60" },
				new String[] { "110105-I020", "北京市朝阳区导入重复小学", "110105", "小学", "公办", "朝阳区某路", "60" });

		ImportJob preview = finished(imports.start(chaoyangOfficer, CHAOYANG, ImportKind.SCHOOLS, "bad.xlsx", file));

		assertThat(preview.status()).isEqualTo(ImportJob.Status.READY);
		assertThat(preview.added()).isEqualTo(1);
		assertThat(preview.rowsWithErrors()).isEqualTo(3);
		List<PlannedRow> errors = imports.rows(preview, PlannedRow.Action.ERROR, 10);
		assertThat(errors).extracting(PlannedRow::number).containsExactly(3, 4, 5);
		assertThat(errors.get(0).problems())
			.containsExactly(ZoningProblem.of("seats_per_year", "zoning.import.error.number", "很多", 1, 10000));
		assertThat(errors.get(1).problems()).extracting(ZoningProblem::field).containsExactly("district_code", "level");
		assertThat(errors.get(2).problems())
			.containsExactly(ZoningProblem.of("code", "zoning.import.error.duplicate", 2));

		assertThat(imports.confirm(preview.id(), chaoyangOfficer)).isFalse();
		assertThat(schools.byCode("110105-I020")).isEmpty();
		assertThat(finished(preview.id()).status()).isEqualTo(ImportJob.Status.READY);
	}

	@Test
	void addressesAreWrittenWithTheirZoneAndTheOpenLookupFindsThemAfterwards() {
		schools.save(new School("110105-I030", "北京市朝阳区导入地址小学", CHAOYANG, SchoolLevel.PRIMARY, true, "朝阳区", 120),
				Actor.SYSTEM);
		schools.save(new School("110105-I031", "北京市朝阳区导入派位小学", CHAOYANG, SchoolLevel.PRIMARY, true, "朝阳区", 120),
				Actor.SYSTEM);
		byte[] file = csv(true, ADDRESS_HEADER,
				"110105,2017,小学,导入测试片,110105-I030,110105-I030;110105-I031,导入测试家园,,导入家园北区;导入路8号院,否",
				"110105,2017,小学,导入测试片,110105-I030,110105-I030;110105-I031,导入测试花园,3号楼,,是");

		ImportJob preview = finished(imports.start(chaoyangOfficer, CHAOYANG, ImportKind.ADDRESSES, "a.csv", file));
		assertThat(preview.added()).isEqualTo(2);
		assertThat(lookUp("导入测试家园")).isEmpty();
		imports.confirm(preview.id(), chaoyangOfficer);
		assertThat(finished(preview.id()).status()).isEqualTo(ImportJob.Status.WRITTEN);

		List<ZoneCandidate> found = lookUp("北京市朝阳区导入路８号院");
		assertThat(found).isNotEmpty();
		assertThat(found.getFirst().address()).isEqualTo("导入测试家园");
		assertThat(found.getFirst().zone()).isEqualTo("导入测试片");

		// a full-width, spaced spelling of the same rows is the same address: no change
		byte[] respelled = csv(false, ADDRESS_HEADER,
				"110105,2017,小学,导入测试片,110105-I030,110105-I031;110105-I030,导入测试 家园,,导入路8号院;导入家园北区,否",
				"110105,2017,小学,导入测试片,110105-I030,110105-I030;110105-I031,导入测试花园,3号楼,,是");
		ImportJob again = finished(imports.start(chaoyangOfficer, CHAOYANG, ImportKind.ADDRESSES, "b.csv", respelled));
		assertThat(again.unchanged()).isEqualTo(2);
		assertThat(again.rowsWithErrors()).isZero();
	}

	@Test
	void aZoneMustAgreeWithItselfAndACompoundNeedsItsLottery() {
		schools.save(new School("110105-I040", "北京市朝阳区导入一致小学", CHAOYANG, SchoolLevel.PRIMARY, true, "朝阳区", 120),
				Actor.SYSTEM);
		byte[] file = csv(false, ADDRESS_HEADER, "110105,2017,小学,一致测试片,110105-I040,,一致测试一区,,,",
				"110105,2017,小学,一致测试片,110105-NONE,,一致测试二区,,,", "110105,2017,小学,一致测试片,110105-I040,,一致测试三区,,,是",
				"110105,二〇一七,中学,一致测试片,110105-I040,,一致测试四区,,,也许");

		ImportJob preview = finished(imports.start(chaoyangOfficer, CHAOYANG, ImportKind.ADDRESSES, "z.csv", file));

		List<PlannedRow> errors = imports.rows(preview, PlannedRow.Action.ERROR, 10);
		assertThat(errors).extracting(PlannedRow::number).containsExactly(3, 4, 5);
		assertThat(errors.get(0).problems()).extracting(ZoningProblem::messageKey)
			.containsExactly("zoning.admin.error.school-unknown", "zoning.import.error.zone-differs");
		assertThat(errors.get(1).problems()).extracting(ZoningProblem::messageKey)
			.containsExactly("zoning.import.error.compound-needs-lottery");
		assertThat(errors.get(2).problems()).extracting(ZoningProblem::field)
			.containsExactly("year", "level", "multi_school_compound");
	}

	@Test
	void anOfficerOfAnotherDistrictIsRefused() {
		byte[] file = csv(false, SCHOOL_HEADER, "110105-I050,北京市朝阳区越权测试小学,110105,小学,公办,朝阳区,60");
		SignedIn dongchengOfficer = officer(DONGCHENG);

		assertThatThrownBy(() -> imports.start(dongchengOfficer, CHAOYANG, ImportKind.SCHOOLS, "x.csv", file))
			.isInstanceOf(AccessDeniedException.class);
		UUID chaoyangImport = imports.start(chaoyangOfficer, CHAOYANG, ImportKind.SCHOOLS, "x.csv", file);
		finished(chaoyangImport);
		assertThatThrownBy(() -> imports.job(chaoyangImport, dongchengOfficer))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> imports.confirm(chaoyangImport, dongchengOfficer))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(schools.byCode("110105-I050")).isEmpty();

		// within the officer's own district, a row of another district is an error
		ImportJob own = finished(imports.start(dongchengOfficer, DONGCHENG, ImportKind.SCHOOLS, "x.csv", file));
		assertThat(imports.rows(own, PlannedRow.Action.ERROR, 1).getFirst().problems()).first()
			.isEqualTo(ZoningProblem.of("district_code", "zoning.import.error.other-district", CHAOYANG, DONGCHENG));
	}

	@Test
	void cancellingWritesNothing() {
		byte[] file = csv(false, SCHOOL_HEADER, "110105-I060,北京市朝阳区取消测试小学,110105,小学,公办,朝阳区,60");
		ImportJob preview = finished(imports.start(chaoyangOfficer, CHAOYANG, ImportKind.SCHOOLS, "c.csv", file));

		assertThat(imports.cancel(preview.id(), chaoyangOfficer)).isTrue();

		assertThat(imports.confirm(preview.id(), chaoyangOfficer)).isFalse();
		assertThat(finished(preview.id()).status()).isEqualTo(ImportJob.Status.CANCELLED);
		assertThat(schools.byCode("110105-I060")).isEmpty();
	}

	@Test
	void filesThatAreNoSpreadsheetOrTooLargeAreRefusedWithTheReason() {
		assertThat(refusal(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3 }))
			.isEqualTo("zoning.import.refused.xls");
		assertThat(refusal(new byte[] { '%', 'P', 'D', 'F', (byte) 0xFF, (byte) 0xFE, 0, 1 }))
			.isEqualTo("zoning.import.refused.not-csv");
		assertThat(refusal(new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0 }))
			.isEqualTo("zoning.import.refused.not-xlsx");
		assertThat(refusal(csv(false, "名称,地址", "甲,乙"))).isEqualTo("zoning.import.refused.header");
		assertThat(refusal(csv(false, SCHOOL_HEADER))).isEqualTo("zoning.import.refused.no-rows");
		assertThat(refusal(csv(false, SCHOOL_HEADER, "\"110105-I070,未闭合")))
			.isEqualTo("zoning.import.refused.open-quote");

		StringBuilder many = new StringBuilder(SCHOOL_HEADER).append('\n');
		for (int i = 0; i <= imports.maxRows(); i++) {
			many.append("110105-M").append(i).append(",名").append(i).append(",110105,小学,公办,址,60\n");
		}
		assertThat(refusal(many.toString().getBytes(StandardCharsets.UTF_8))).isEqualTo("zoning.import.refused.rows");

		assertThatThrownBy(() -> imports.start(chaoyangOfficer, CHAOYANG, ImportKind.SCHOOLS, "big.csv",
				new byte[imports.maxBytes() + 1]))
			.isInstanceOfSatisfying(ImportRefused.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("zoning.import.refused.size"));
	}

	@Test
	void theTemplatesHaveTheChineseHeaderAndASampleRowThatMustBeReplacedBeforeItImports() {
		District chaoyang = new District(CHAOYANG, "朝阳区");
		assertThat(templates.header(ImportKind.ADDRESSES)).startsWith("区代码*", "入学年度*", "学段*", "服务片名称*");

		for (byte[] template : List.of(templates.csv(ImportKind.SCHOOLS, chaoyang, 2017),
				templates.xlsx(ImportKind.SCHOOLS, chaoyang, 2017))) {
			ImportJob unchanged = finished(imports.start(chaoyangOfficer, CHAOYANG, ImportKind.SCHOOLS, "t", template));
			assertThat(unchanged.rowsWithErrors()).as("the sample row as downloaded").isEqualTo(1);
			assertThat(unchanged.added()).isZero();
		}
		// the sample's format is right: with a real name it imports cleanly
		String csv = new String(templates.csv(ImportKind.SCHOOLS, chaoyang, 2017), StandardCharsets.UTF_8).replace("示例",
				"样板");
		ImportJob replaced = finished(imports.start(chaoyangOfficer, CHAOYANG, ImportKind.SCHOOLS, "t",
				csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(replaced.status()).isEqualTo(ImportJob.Status.READY);
		assertThat(replaced.rowsWithErrors()).isZero();
		assertThat(replaced.added()).isEqualTo(1);
	}

	private String refusal(byte[] file) {
		ImportJob job = finished(imports.start(chaoyangOfficer, CHAOYANG, ImportKind.SCHOOLS, "f", file));
		assertThat(job.status()).isEqualTo(ImportJob.Status.REFUSED);
		return job.problemKey();
	}

	private List<ZoneCandidate> lookUp(String address) {
		return lookup.lookup(new ZoneQuery(address, CHAOYANG, null, null, 2017)).candidates();
	}

	private ImportJob finished(UUID id) {
		Instant until = Instant.now().plus(Duration.ofSeconds(60));
		ImportJob job = imports.job(id, city);
		while (job.running(calendar.now()) && Instant.now().isBefore(until)) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			job = imports.job(id, city);
		}
		return job;
	}

	private long audited(String action, String subject) {
		trail.seal();
		return jdbc.sql("select count(*) from audit_entry where action = ? and subject_id = ?")
			.params(action, subject)
			.query(Long.class)
			.single();
	}

	private long dictionaryVersion() {
		return jdbc.sql("select version from zone_dictionary_version").query(Long.class).single();
	}

	static SignedIn officer(String district) {
		return new SignedIn(AccountId.random(), "za-officer-" + district, "区教委", Role.DISTRICT_OFFICER, district, null);
	}

	static byte[] csv(boolean bom, String... lines) {
		return ((bom ? "\uFEFF" : "") + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	static byte[] xlsx(String[]... rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("学校");
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c].matches("[0-9]+") && c == 6) {
						row.createCell(c).setCellValue(Integer.parseInt(rows[r][c]));
					}
					else {
						row.createCell(c).setCellValue(rows[r][c]);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
