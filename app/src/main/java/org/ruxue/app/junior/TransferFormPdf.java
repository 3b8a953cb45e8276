package org.ruxue.app.junior;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import org.ruxue.app.printing.FormFonts;
import org.ruxue.app.printing.FormSheet;
import org.ruxue.app.printing.FormSheet.Field;
import org.ruxue.app.printing.Typeset;

/**
 * Renders the transfer application (回户籍所在区或居住区申请表, R-J4) as an A4 PDF: the student, where
 * to and why, and the four places to sign: the family, the graduating school, the
 * district moved out of and the district moved into. Thread-safe; the fonts are read once
 * per instance.
 */
final class TransferFormPdf {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	/** Room to write in: non-breaking spaces, since a blank cell prints a dash. */
	private static final String BLANK_LINES = "\u00a0\n\u00a0\n\u00a0";

	private static final String TITLE = "北京市小学毕业生回户籍所在区或居住区入学申请表";

	private final FormFonts fonts = new FormFonts();

	byte[] render(PrintedTransferForm form) {
		FormFonts.Parsed parsed = fonts.borrow();
		try (PDDocument document = new PDDocument()) {
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(TITLE + " " + form.number());
			info.setSubject("R-J4 transfer application");
			info.setCreator("ruxue");
			FormSheet sheet = new FormSheet(document, new Typeset(document, parsed),
					TITLE + "（续）　申请号 " + form.number());
			header(sheet, form);
			student(sheet, form);
			transfer(sheet, form);
			signatures(sheet);
			sheet.finish("申请号 " + form.number() + "　打印时间 " + MINUTES.format(form.printedAt()), false);
			ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Transfer form " + form.number() + " cannot be rendered", ex);
		}
		finally {
			fonts.giveBack(parsed);
		}
	}

	private static void header(FormSheet sheet, PrintedTransferForm form) throws IOException {
		float top = sheet.y();
		sheet.centred(TITLE + "（" + form.year() + "）", top - 20, 16, FormSheet.INK, true);
		sheet.centred("初中入学（小升初）　申请号 " + form.number(), top - 40, 11, FormSheet.LABEL_INK, false);
		sheet.moveDown(52);
	}

	private static void student(FormSheet sheet, PrintedTransferForm form) throws IOException {
		sheet.heading("一、学生信息");
		sheet.fields(Field.of("学生姓名", form.studentName()), Field.of("性别", sex(form.sex())));
		sheet.fields(Field.of("身份证号", form.maskedIdNumber()),
				Field.of("出生日期", (form.birthDate() != null) ? form.birthDate().toString() : null));
		sheet.fields(Field.of("教育ID", form.educationId()), Field.of("班级", form.className()));
		sheet.fields(Field.of("毕业学校", form.schoolName()));
	}

	private static void transfer(FormSheet sheet, PrintedTransferForm form) throws IOException {
		sheet.heading("二、申请事项");
		sheet.fields(Field.of("申请类别", (form.kind() == TransferKind.HUKOU) ? "回户籍所在区" : "回居住区"));
		sheet.fields(Field.of("转出区", form.fromDistrictName()), Field.of("转入区", form.toDistrictName()));
		sheet.fields(Field.of("户籍所在区", form.hukouDistrictName()));
		sheet.fields(Field.of((form.kind() == TransferKind.HUKOU) ? "户籍地址" : "居住地址", form.address()));
		sheet.fields(Field.of("申请说明", form.note()));
	}

	private static void signatures(FormSheet sheet) throws IOException {
		sheet.heading("三、签字与审核");
		float[] shares = { 3, 5, 3 };
		sheet.tableRow(shares, java.util.Arrays.asList("环节", "意见", "签字（盖章）及日期"), true);
		for (String stage : new String[] { "家长（监护人）", "毕业学校", "转出区教委", "转入区教委" }) {
			sheet.tableRow(shares, java.util.Arrays.asList(stage, BLANK_LINES, BLANK_LINES), false);
		}
		sheet.moveDown(6);
		sheet.paragraph("说明：", 9, FormSheet.LABEL_INK);
		sheet.paragraph("1. 家长和学校签字后，由学校在平台提交；审核依次为毕业学校、转出区、转入区，任一环节不同意即终止。", 9, FormSheet.LABEL_INK);
		sheet.paragraph("2. 转入区审核同意后，学生的入学区域自动变更为转入区，平台以短信和站内消息通知家长和学校。", 9, FormSheet.LABEL_INK);
	}

	private static String sex(String sex) {
		return switch (String.valueOf(sex)) {
			case "MALE" -> "男";
			case "FEMALE" -> "女";
			default -> null;
		};
	}

}
