package org.ruxue.app.primary.form;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import org.ruxue.app.printing.FormFonts;
import org.ruxue.app.printing.FormSheet;
import org.ruxue.app.printing.FormSheet.Field;
import org.ruxue.app.printing.Typeset;

/**
 * Renders the information-collection form (信息采集表, R-P6) as a one-page A4 PDF (more pages
 * only when the data is unusually long): the child, hukou, home, guardians, zone schools
 * and rule, priority category and study permit, with the registration number, the short
 * code and a QR code that school staff scan or type to check that the form is genuine and
 * current. A form can be printed again at any time (R-P14); a void one carries a large 作废
 * / VOID mark.
 * <p>
 * Thread-safe and meant to be reused: the fonts are read once per instance.
 */
public final class CollectionFormPdf {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final float QR_SIZE = 104;

	private final FormFonts fonts = new FormFonts();

	public byte[] render(CollectionForm form) {
		FormFonts.Parsed parsed = this.fonts.borrow();
		try (PDDocument document = new PDDocument()) {
			describe(document, form);
			FormSheet sheet = new FormSheet(document, new Typeset(document, parsed),
					"北京市义务教育入学信息采集表（续）　登记号 " + form.registrationNumber());
			header(sheet, form);
			child(sheet, form);
			hukou(sheet, form);
			home(sheet, form);
			guardians(sheet, form);
			zone(sheet, form);
			categoryAndPermit(sheet, form);
			notes(sheet, form);
			sheet.finish("登记号 " + form.registrationNumber() + "　打印时间 " + minutes(form.printedAt()), form.voided());
			ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Form " + form.registrationNumber() + " cannot be rendered", ex);
		}
		finally {
			this.fonts.giveBack(parsed);
		}
	}

	private static void describe(PDDocument document, CollectionForm form) {
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle("北京市义务教育入学信息采集表 " + form.registrationNumber());
		info.setSubject("R-P6 information-collection form");
		info.setCreator("ruxue");
	}

	private void header(FormSheet sheet, CollectionForm form) throws IOException {
		float top = sheet.y();
		sheet.centred("北京市义务教育入学信息采集表（" + form.year() + "）", top - 20, 18, FormSheet.INK, true);
		sheet.centred("小学入学（幼升小）　" + orDash(form.districtName()), top - 40, 11, FormSheet.LABEL_INK, false);
		float boxTop = top - 52;
		float boxHeight = QR_SIZE + 12;
		float boxBottom = boxTop - boxHeight;
		sheet.stroke(FormSheet.LEFT, boxBottom, FormSheet.WIDTH, boxHeight);
		float x = FormSheet.LEFT + 12;
		sheet.text("登记号", x, boxTop - 22, 10, FormSheet.LABEL_INK, false);
		sheet.text(form.registrationNumber(), x + 56, boxTop - 23, 17, FormSheet.INK, true);
		sheet.text("核验码", x, boxTop - 54, 10, FormSheet.LABEL_INK, false);
		sheet.text(form.shortCode(), x + 56, boxTop - 56, 22, FormSheet.INK, true);
		if (form.voided()) {
			sheet.text("本表已作废（VOID），不能用于入学登记。", x, boxTop - 82, 12, FormSheet.VOID_RED, true);
		}
		else {
			sheet.text("学校工作人员扫描右侧二维码或输入核验码，核验本表真实有效。", x, boxTop - 80, 9, FormSheet.LABEL_INK, false);
		}
		sheet.text("提交时间 " + minutes(form.submittedAt()) + "　打印时间 " + minutes(form.printedAt()), x, boxTop - 100, 9,
				FormSheet.LABEL_INK, false);
		QrMark.draw(sheet.stream(), form.verifyUrl().toASCIIString(), FormSheet.RIGHT - 6 - QR_SIZE, boxBottom + 6,
				QR_SIZE);
		sheet.moveDown(top - boxBottom);
	}

	private void child(FormSheet sheet, CollectionForm form) throws IOException {
		sheet.heading("一、儿童信息");
		sheet.fields(Field.of("儿童姓名", form.childName()), Field.of("性别", form.sex()));
		sheet.fields(Field.of("身份证号", form.childIdNumber()), Field.of("出生日期", date(form.birthDate())));
	}

	private void hukou(FormSheet sheet, CollectionForm form) throws IOException {
		sheet.heading("二、户籍信息");
		sheet.fields(Field.of("户籍类型", form.hukouType()));
		sheet.fields(Field.of("户籍地址", form.hukouAddress()));
	}

	private void home(FormSheet sheet, CollectionForm form) throws IOException {
		sheet.heading("三、居住信息");
		sheet.fields(Field.of("住房性质", form.homeTenure()), Field.of("产权人", form.owner()));
		sheet.fields(Field.of("房产证号", form.certificateNumber()), Field.of("发证日期", date(form.certificateDate())));
		sheet.fields(Field.of("现住址", form.residenceAddress()));
	}

	private void guardians(FormSheet sheet, CollectionForm form) throws IOException {
		sheet.heading("四、监护人信息");
		float[] shares = { 3, 2, 5, 4 };
		sheet.tableRow(shares, List.of("姓名", "与儿童关系", "身份证号", "手机号码"), true);
		if (form.guardians().isEmpty()) {
			sheet.tableRow(shares, dashes(4), false);
		}
		for (CollectionForm.Guardian guardian : form.guardians()) {
			sheet.tableRow(shares, values(guardian.name(), guardian.relation(), guardian.idNumber(), guardian.mobile()),
					false);
		}
	}

	private void zone(FormSheet sheet, CollectionForm form) throws IOException {
		sheet.heading("五、对口学校及划片规则");
		sheet.fields(Field.of("对口学校", schools(form.zoneSchools())));
		sheet.fields(Field.of("划片规则", form.zoningRule()));
	}

	private void categoryAndPermit(FormSheet sheet, CollectionForm form) throws IOException {
		sheet.heading("六、入学类别");
		sheet.fields(Field.of("类别", form.priorityCategory()));
		sheet.heading("七、在京就读证明");
		sheet.fields(Field.of("证明编号", (form.studyPermitNumber() != null) ? form.studyPermitNumber() : "无（本市户籍儿童不需要）"));
	}

	private void notes(FormSheet sheet, CollectionForm form) throws IOException {
		sheet.moveDown(6);
		sheet.paragraph("说明：", 9, FormSheet.LABEL_INK);
		// R-G4: the order of registration has no influence on admission, and the form
		// says
		// so.
		sheet.paragraph("1. 登记的先后顺序不影响入学结果，请不必抢先登记。", 9, FormSheet.LABEL_INK);
		sheet.paragraph("2. 请携带本表及户口簿、房产证明等原件，到对口学校现场登记；学校工作人员扫描二维码或输入核验码核验本表。", 9, FormSheet.LABEL_INK);
		sheet.paragraph("3. 本表遗失可随时登录系统重新打印；注销或重新登记后原表作废，核验时显示为作废。", 9, FormSheet.LABEL_INK);
		sheet.moveDown(10);
		sheet.needs(20);
		sheet.text("监护人签字：____________________　　日期：____________________", FormSheet.LEFT, sheet.y() - 12, 10,
				FormSheet.INK, false);
		sheet.moveDown(20);
	}

	private static String schools(List<String> schools) {
		if (schools.size() <= 1) {
			return schools.isEmpty() ? null : schools.get(0);
		}
		List<String> numbered = new ArrayList<>();
		for (int i = 0; i < schools.size(); i++) {
			numbered.add((i + 1) + ". " + schools.get(i));
		}
		return String.join("\n", numbered);
	}

	private static List<String> values(String... values) {
		List<String> list = new ArrayList<>();
		for (String value : values) {
			list.add(value);
		}
		return list;
	}

	private static List<String> dashes(int count) {
		List<String> list = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			list.add(null);
		}
		return list;
	}

	private static String orDash(String value) {
		return (value == null || value.isBlank()) ? "—" : value;
	}

	private static String date(LocalDate date) {
		return (date != null) ? date.toString() : null;
	}

	private static String minutes(OffsetDateTime time) {
		return (time != null) ? MINUTES.format(time) : "—";
	}

}
