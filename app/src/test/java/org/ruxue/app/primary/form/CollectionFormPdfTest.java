package org.ruxue.app.primary.form;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import org.ruxue.app.printing.FormSheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The information-collection form (R-P6, R-P14) read back the way a person and a school
 * scanner read it: its text, its rendered page and its QR code.
 */
class CollectionFormPdfTest {

	private static final float DPI = 150;

	private static final Path OUT = Path.of("target", "primary-form");

	private static final CollectionFormPdf pdf = new CollectionFormPdf();

	@Test
	void printsTheChildTheRegistrationNumberTheShortCodeAndTheZoneSchools() {
		CollectionForm form = CollectionForms.haidianChild();

		String text = text(pdf.render(form));

		assertThat(text).contains("北京市义务教育入学信息采集表（2017）", "欧阳子涵", "110108201103150027", "2017-110108-000123",
				"K7Q3-9MXD", "北京市海淀区中关村第一小学", "北京市海淀区中关村第三小学", "欧阳建国", "13900139000", "第一类：本区户籍，父母房产在片内",
				"2017-05-12 14:03");
	}

	@Test
	void saysThatTheOrderOfRegistrationDoesNotMatter() {
		// R-G4
		assertThat(text(pdf.render(CollectionForms.haidianChild()))).contains("登记的先后顺序不影响入学结果");
	}

	@Test
	void printsTheStudyPermitOfANonLocalChild() {
		// R-P7
		String text = text(pdf.render(CollectionForms.nonLocalWithLongAddresses(1)));

		assertThat(text).contains("JD-2017-0105-00981", "非本市户籍");
	}

	@Test
	void rendersChineseGlyphsWhereTheChildsNameIsPrinted() throws IOException {
		byte[] form = pdf.render(CollectionForms.haidianChild());
		byte[] other = pdf.render(CollectionForms.haidianChild("司马光明", "2017-110108-000124", "ZZ9Q-4RTA"));

		BufferedImage page = page(form, "haidian-child.png");
		BufferedImage otherPage = page(other, "other-child.png");
		Region name = region(form, "欧阳子涵");

		assertThat(darkPixels(page, new Region(0, 0, page.getWidth(), page.getHeight())))
			.as("a page with text, boxes and a QR code")
			.isGreaterThan(20_000);
		assertThat(darkPixels(page, name)).as("ink where the name is printed").isGreaterThan(150);
		assertThat(differingPixels(page, otherPage, name))
			.as("different names draw different glyphs, not the same missing-glyph box")
			.isGreaterThan(100);
	}

	@Test
	void theQrCodeCarriesTheVerificationAddress() throws Exception {
		CollectionForm form = CollectionForms.haidianChild();

		Result decoded = decodeQr(page(pdf.render(form), "qr.png"));

		assertThat(decoded.getText()).isEqualTo(form.verifyUrl().toString());
	}

	@Test
	void aVoidedFormCarriesTheVoidMark() throws IOException {
		// R-P8: the old form becomes void; a reprint of it still says so (R-P14)
		byte[] voided = pdf.render(CollectionForms.voided());
		page(voided, "voided.png");

		assertThat(text(voided)).contains("本表已作废", "作废", "VOID");
		assertThat(text(pdf.render(CollectionForms.haidianChild()))).doesNotContain("作废（VOID）", "本表已作废");
	}

	@Test
	void aReprintShowsTheTimeItWasPrinted() {
		// R-P14: a lost form can be printed again
		CollectionForm form = CollectionForms.haidianChild();
		CollectionForm reprint = new CollectionForm(form.registrationNumber(), form.shortCode(), form.verifyUrl(),
				form.year(), form.districtName(), form.childName(), form.childIdNumber(), form.sex(), form.birthDate(),
				form.hukouType(), form.hukouAddress(), form.homeTenure(), form.certificateNumber(),
				form.certificateDate(), form.owner(), form.residenceAddress(), form.guardians(), form.zoneSchools(),
				form.zoningRule(), form.priorityCategory(), form.studyPermitNumber(), false, form.submittedAt(),
				OffsetDateTime.parse("2017-05-28T18:45+08:00"));

		assertThat(text(pdf.render(reprint))).contains("2017-05-28 18:45", "K7Q3-9MXD")
			.doesNotContain("2017-05-12 14:03");
	}

	@Test
	void embedsEveryFontItUses() throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf.render(CollectionForms.voided()))) {
			List<PDFont> fonts = new ArrayList<>();
			for (PDPage page : document.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getFontNames()) {
					fonts.add(resources.getFont(name));
				}
			}

			assertThat(fonts).hasSizeGreaterThanOrEqualTo(2);
			assertThat(fonts).allSatisfy((font) -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
			assertThat(fonts).anySatisfy((font) -> assertThat(font.getName()).contains("DroidSansFallback"));
		}
	}

	@Test
	void longAddressesWrapInsideTheMargins() throws IOException {
		byte[] form = pdf.render(CollectionForms.nonLocalWithLongAddresses(3));
		page(form, "long-addresses.png");

		List<TextPosition> positions = positions(form, 1);
		String expected = CollectionForms.nonLocalWithLongAddresses(3).hukouAddress().strip();

		assertThat(positions).allSatisfy((glyph) -> assertThat(glyph.getXDirAdj() + glyph.getWidthDirAdj())
			.isLessThanOrEqualTo(FormSheet.RIGHT + 0.5f));
		assertThat(text(form).replaceAll("\\s", "")).contains(expected.replaceAll("\\s", ""));
		assertThat(linesHolding(positions, "甲一号院")).as("the address runs over several lines").isGreaterThan(2);
	}

	@Test
	void aTypicalFormFitsOnOnePage() throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf.render(CollectionForms.haidianChild()))) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.28f, within(0.1f));
			assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(841.89f, within(0.1f));
		}
	}

	@Test
	void dataTooLongForOnePageContinuesOnTheNextPage() throws IOException {
		byte[] form = pdf.render(CollectionForms.nonLocalWithLongAddresses(40));

		try (PDDocument document = Loader.loadPDF(form)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(1);
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				assertThat(positions(form, page)).allSatisfy((glyph) -> {
					assertThat(glyph.getXDirAdj() + glyph.getWidthDirAdj()).isLessThanOrEqualTo(FormSheet.RIGHT + 0.5f);
					assertThat(glyph.getYDirAdj()).isLessThan(FormSheet.A4.getHeight() - 20);
				});
			}
		}
		assertThat(text(form)).contains("第 2 页", "信息采集表（续）");
	}

	@Test
	void aCharacterMissingFromTheFontPrintsAsTheMissingCharacterMark() {
		// 𠮷 (U+20BB7) lies outside Droid Sans Fallback: 〓 rather than an empty box
		String text = text(
				pdf.render(CollectionForms.haidianChild("\uD842\uDFB7小明", "2017-110108-000125", "AB12-CD34")));

		assertThat(text).contains("〓小明");
	}

	@Test
	void rendersFromSeveralThreadsAtOnce() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> texts = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				String name = "并发" + "一二三四五六七八九十".charAt(i % 10) + i;
				texts.add(threads.submit(() -> name + "|" + text(pdf
					.render(CollectionForms.haidianChild(name, "2017-110108-%06d".formatted(500), "ZZZZ-0000")))));
			}
			for (Future<String> result : texts) {
				String[] parts = result.get().split("\\|", 2);
				assertThat(parts[1]).contains(parts[0]);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	static String text(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<TextPosition> positions(byte[] pdf, int page) throws IOException {
		List<TextPosition> positions = new ArrayList<>();
		PDFTextStripper stripper = new PDFTextStripper() {
			@Override
			protected void writeString(String text, List<TextPosition> textPositions) {
				positions.addAll(textPositions);
			}
		};
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			stripper.getText(document);
		}
		return positions;
	}

	private static long linesHolding(List<TextPosition> positions, String fragment) {
		List<Float> baselines = new ArrayList<>();
		for (TextPosition glyph : positions) {
			if (fragment.contains(glyph.getUnicode())) {
				baselines.add(Math.round(glyph.getYDirAdj() * 10) / 10f);
			}
		}
		return baselines.stream().distinct().count();
	}

	/**
	 * Where the text is printed on page 1, in pixels of a page rendered at {@link #DPI}.
	 */
	private static Region region(byte[] pdf, String text) throws IOException {
		List<TextPosition> positions = positions(pdf, 1);
		StringBuilder all = new StringBuilder();
		for (TextPosition glyph : positions) {
			all.append(glyph.getUnicode());
		}
		int start = all.indexOf(text);
		assertThat(start).as("'" + text + "' is on page 1").isNotNegative();
		TextPosition first = positions.get(start);
		TextPosition last = positions.get(start + text.length() - 1);
		float scale = DPI / 72;
		int left = (int) (first.getXDirAdj() * scale);
		int right = (int) Math.ceil((last.getXDirAdj() + last.getWidthDirAdj()) * scale);
		int bottom = (int) Math.ceil(first.getYDirAdj() * scale) + 2;
		int top = (int) ((first.getYDirAdj() - first.getFontSizeInPt()) * scale);
		return new Region(left, top, right - left, bottom - top);
	}

	private static BufferedImage page(byte[] pdf, String fileName) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.RGB);
			Files.createDirectories(OUT);
			ImageIO.write(image, "png", OUT.resolve(fileName).toFile());
			return image;
		}
	}

	private static int darkPixels(BufferedImage image, Region region) {
		int dark = 0;
		for (int y = region.y(); y < region.y() + region.height(); y++) {
			for (int x = region.x(); x < region.x() + region.width(); x++) {
				if (luminance(image.getRGB(x, y)) < 128) {
					dark++;
				}
			}
		}
		return dark;
	}

	private static int differingPixels(BufferedImage one, BufferedImage other, Region region) {
		int differing = 0;
		for (int y = region.y(); y < region.y() + region.height(); y++) {
			for (int x = region.x(); x < region.x() + region.width(); x++) {
				if ((luminance(one.getRGB(x, y)) < 128) != (luminance(other.getRGB(x, y)) < 128)) {
					differing++;
				}
			}
		}
		return differing;
	}

	private static int luminance(int rgb) {
		return (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
	}

	static Result decodeQr(BufferedImage image) throws Exception {
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		BinaryBitmap bitmap = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
	}

	private record Region(int x, int y, int width, int height) {
	}

}
