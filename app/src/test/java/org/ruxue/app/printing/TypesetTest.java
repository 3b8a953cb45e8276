package org.ruxue.app.printing;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Wrapping of mixed Chinese and Latin text on the form: nothing may overflow a cell. */
class TypesetTest {

	private static final FormFonts fonts = new FormFonts();

	private PDDocument document;

	private Typeset type;

	@BeforeEach
	void setUp() throws IOException {
		this.document = new PDDocument();
		this.type = new Typeset(this.document, fonts.borrow());
	}

	@AfterEach
	void tearDown() throws IOException {
		this.document.close();
	}

	@Test
	void everyLineFitsTheWidthAndNothingIsLost() {
		String text = "北京市朝阳区望京街道望京西园四区某某胡同甲一号院（Building 7, Wangjing Xiyuan）东侧临时搭建平房第三排第七间".repeat(4);

		List<String> lines = this.type.wrap(text, 10, 180);

		assertThat(lines).hasSizeGreaterThan(4)
			.allSatisfy((line) -> assertThat(this.type.width(line, 10)).isLessThanOrEqualTo(180));
		assertThat(String.join("", lines).replace(" ", "")).isEqualTo(text.replace(" ", ""));
	}

	@Test
	void keepsLatinWordsWholeWhenTheyFit() {
		List<String> lines = this.type.wrap("Building Wangjing Xiyuan International Apartments", 10, 70);

		assertThat(lines).allSatisfy((line) -> assertThat(line).doesNotStartWith(" ")
			.matches("(Building|Wangjing|Xiyuan|International|Apartments)( \\S+)*"));
	}

	@Test
	void breaksAWordLongerThanTheLine() {
		List<String> lines = this.type.wrap("X".repeat(80), 10, 100);

		assertThat(lines).hasSizeGreaterThan(2)
			.allSatisfy((line) -> assertThat(this.type.width(line, 10)).isLessThanOrEqualTo(100));
	}

	@Test
	void noLineStartsWithAClosingMarkOrEndsWithAnOpeningBracket() {
		for (int step = 0; step < 40; step++) {
			float width = 60 + step * 3.5f;
			List<String> lines = this.type.wrap("一二三四五六七八九，十一二三四五（六七八）九十。一二三四（五六七八九十）一二三，四五六七八九十、一二三", 10, width);

			assertThat(lines).as("at width %s: %s", width, lines).allSatisfy((line) -> {
				assertThat(line).doesNotStartWith("，")
					.doesNotStartWith("。")
					.doesNotStartWith("）")
					.doesNotStartWith("、");
				assertThat(line).doesNotEndWith("（");
				assertThat(this.type.width(line, 10)).isLessThanOrEqualTo(width);
			});
		}
	}

	@Test
	void aLineFeedStartsANewLine() {
		assertThat(this.type.wrap("1. 中关村第一小学\n2. 中关村第三小学", 10, 400)).containsExactly("1. 中关村第一小学", "2. 中关村第三小学");
	}

}
