package org.ruxue.app.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.ruxue.app.population.IdCardNumber;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Graduates as the student registry exports them (docs/registry.md), each a child no
 * other test uses, at two schools of the test database: one in Dongcheng, one in Xicheng.
 */
final class Graduates {

	static final String DONGCHENG_SCHOOL = "REG-IMP-DC";

	static final String XICHENG_SCHOOL = "REG-IMP-XC";

	static final List<String> HEADER = List.of("教育ID", "姓名", "身份证号", "性别", "出生日期", "毕业小学代码", "班级", "所在区代码", "户籍区代码",
			"监护人姓名", "监护人手机");

	private static final AtomicInteger next = new AtomicInteger((int) (System.nanoTime() % 500) * 700);

	private Graduates() {
	}

	static void schools(JdbcClient jdbc) {
		school(jdbc, DONGCHENG_SCHOOL, "导入测试东城小学", "110101");
		school(jdbc, XICHENG_SCHOOL, "导入测试西城小学", "110102");
	}

	private static void school(JdbcClient jdbc, String code, String name, String district) {
		jdbc.sql("""
				insert into school (code, name, district_code, level, public, address, seats_per_year)
				values (?, ?, ?, 'PRIMARY', true, '测试地址', 100) on conflict do nothing
				""").params(code, name, district).update();
	}

	/** A row of a graduate of a Dongcheng school, entering junior high in Dongcheng. */
	static List<String> inDongcheng(String name) {
		return graduate(name, DONGCHENG_SCHOOL, "110101");
	}

	static List<String> inXicheng(String name) {
		return graduate(name, XICHENG_SCHOOL, "110102");
	}

	static List<String> graduate(String name, String school, String district) {
		int n = next.incrementAndGet();
		LocalDate born = LocalDate.of(2004, 9, 1).plusDays(n % 360);
		String sequence = String.format("%03d", 200 + (n / 360) % 790);
		IdCardNumber id = IdCardNumber.withCheckDigit("110101" + born.toString().replace("-", "") + sequence);
		// an education ID that does not spell the ID number, so that pages can be seen
		// to mask it
		return List.of(String.format("T%010d", n), name, id.value(), id.isMale() ? "男" : "女", born.toString(), school,
				"六(2)班", district, district, name + "妈妈", mobile());
	}

	static String mobile() {
		return "1372" + String.format("%07d", next.incrementAndGet() % 10_000_000);
	}

	/** The row with one cell replaced. */
	static List<String> with(List<String> row, int column, String value) {
		List<String> changed = new ArrayList<>(row);
		changed.set(column, value);
		return changed;
	}

	@SafeVarargs
	static byte[] csv(List<String>... rows) {
		StringBuilder text = new StringBuilder("\uFEFF").append(String.join(",", HEADER)).append("\r\n");
		for (List<String> row : rows) {
			text.append(String.join(",", row.stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").toList()))
				.append("\r\n");
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	@SafeVarargs
	static byte[] xlsx(List<String>... rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("毕业生");
			List<List<String>> all = new ArrayList<>();
			all.add(HEADER);
			all.addAll(Arrays.asList(rows));
			for (int r = 0; r < all.size(); r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < all.get(r).size(); c++) {
					row.createCell(c).setCellValue(all.get(r).get(c));
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
