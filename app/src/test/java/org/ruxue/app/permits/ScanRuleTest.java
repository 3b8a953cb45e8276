package org.ruxue.app.permits;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scan rule of issue 7, without Spring: content decides, never the name. */
class ScanRuleTest {

	private static final long LIMIT = 1024 * 1024;

	@Test
	void acceptsAPdfAJpegAndAPngByTheirContent() {
		assertThat(ScanRule.check("劳动合同.pdf", PermitFixtures.pdf(), LIMIT).type()).isEqualTo(ScanType.PDF);
		assertThat(ScanRule.check("scan.JPG", PermitFixtures.image("jpg"), LIMIT).type()).isEqualTo(ScanType.JPEG);
		ScanRule.Scan png = ScanRule.check("户口簿", PermitFixtures.image("png"), LIMIT);
		assertThat(png.type()).isEqualTo(ScanType.PNG);
		assertThat(png.fileName()).as("a name without extension gets the type's").isEqualTo("户口簿.png");
		assertThat(png.sha256()).hasSize(64);
	}

	@Test
	void refusesAnExecutableOrAWebPageNamedPdf() {
		byte[] exe = "MZ\u0090\u0000This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
		byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

		assertRefused("contract.pdf", exe, "permits.scan.unknown-type");
		assertRefused("contract.pdf", html, "permits.scan.unknown-type");
	}

	@Test
	void refusesAPngNamedPdf() {
		assertRefused("contract.pdf", PermitFixtures.image("png"), "permits.scan.extension-mismatch");
	}

	@Test
	void refusesAnEmptyOrOversizedFile() {
		assertRefused("a.pdf", new byte[0], "permits.scan.empty");
		byte[] big = PermitFixtures.concat(PermitFixtures.pdf(), new byte[(int) LIMIT]);
		assertRefused("a.pdf", big, "permits.scan.too-large");
	}

	@Test
	void refusesPathsAndControlCharactersInTheName() {
		assertRefused("../../etc/passwd", PermitFixtures.pdf(), "permits.scan.path-in-name");
		assertRefused("..\\..\\windows\\win.ini.pdf", PermitFixtures.pdf(), "permits.scan.path-in-name");
		assertRefused("scan\r\nX-Injected: 1.pdf", PermitFixtures.pdf(), "permits.scan.path-in-name");
		assertThat(ScanRule.check(".hidden.pdf", PermitFixtures.pdf(), LIMIT).fileName()).isEqualTo("hidden.pdf");
	}

	@Test
	void polyglot_aJpegCarryingHtmlOrAPdfAfterItsEndIsRefused() {
		byte[] jpeg = PermitFixtures.image("jpg");

		assertRefused("photo.jpg", PermitFixtures.concat(jpeg, "<html><script>alert(1)</script></html>".getBytes()),
				"permits.scan.trailing-data");
		assertRefused("photo.jpg", PermitFixtures.concat(jpeg, PermitFixtures.pdf()), "permits.scan.trailing-data");
	}

	@Test
	void polyglot_markupInsideAnImageThatEndsProperlyIsRefused() {
		byte[] jpeg = PermitFixtures.image("jpg");
		// a comment segment (FFFE) with a script, inserted after SOI: the file still ends
		// with its EOI marker
		byte[] script = "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.US_ASCII);
		byte[] segment = new byte[4 + script.length];
		segment[0] = (byte) 0xFF;
		segment[1] = (byte) 0xFE;
		segment[2] = (byte) ((script.length + 2) >> 8);
		segment[3] = (byte) (script.length + 2);
		System.arraycopy(script, 0, segment, 4, script.length);
		byte[] polyglot = new byte[jpeg.length + segment.length];
		System.arraycopy(jpeg, 0, polyglot, 0, 2);
		System.arraycopy(segment, 0, polyglot, 2, segment.length);
		System.arraycopy(jpeg, 2, polyglot, 2 + segment.length, jpeg.length - 2);

		assertRefused("photo.jpg", polyglot, "permits.scan.active-content");
	}

	@Test
	void polyglot_aPngWithDataAfterIendIsRefused() {
		assertRefused("a.png", PermitFixtures.concat(PermitFixtures.image("png"), "%PDF-1.4".getBytes()),
				"permits.scan.trailing-data");
	}

	@Test
	void aPdfWithJavaScriptIsRefused() {
		String js = "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R /OpenAction 4 0 R>> endobj\n"
				+ "2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
				+ "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 10 10]>> endobj\n"
				+ "4 0 obj <</S /JavaScript /JS (app.alert\\(1\\))>> endobj\n" + "trailer <</Root 1 0 R>>\n%%EOF\n";

		assertRefused("a.pdf", js.getBytes(StandardCharsets.ISO_8859_1), "permits.scan.active-content");
	}

	@Test
	void aTruncatedImageIsRefused() {
		byte[] png = PermitFixtures.image("png");
		byte[] cut = java.util.Arrays.copyOf(png, png.length / 2);

		assertRefused("a.png", cut, "permits.scan.trailing-data");
	}

	private static void assertRefused(String name, byte[] content, String key) {
		assertThatThrownBy(() -> ScanRule.check(name, content, LIMIT)).isInstanceOfSatisfying(PermitRefused.class,
				refused -> assertThat(refused.problems()).extracting(PermitProblem::messageKey).containsExactly(key));
	}

}
