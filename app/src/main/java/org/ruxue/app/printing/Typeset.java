package org.ruxue.app.printing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One document's fonts: measures, wraps and shows mixed Chinese and Latin text, each
 * character in the font that has it. A character neither font has (a rare name character
 * outside Droid Sans Fallback) prints as 〓, the customary mark for a missing character,
 * rather than as an empty box.
 */
public final class Typeset {

	public static final int MISSING = '〓';

	private static final String OPENING = "（「『《〈【〔“‘";

	private static final String CLOSING = "，。、；：？！）」』》〉】〕”’";

	private final FormFonts.Parsed fonts;

	private final PDType0Font cjk;

	private final PDType0Font latin;

	private final float cjkScale;

	private final float latinScale;

	public Typeset(PDDocument document, FormFonts.Parsed fonts) throws IOException {
		this.fonts = fonts;
		this.cjk = PDType0Font.load(document, fonts.cjk(), true);
		this.latin = PDType0Font.load(document, fonts.latin(), true);
		this.cjkScale = 1000f / fonts.cjk().getUnitsPerEm();
		this.latinScale = 1000f / fonts.latin().getUnitsPerEm();
	}

	/**
	 * Shows the text at the current text position; must be called inside a text block.
	 */
	public void show(PDPageContentStream stream, String text, float size) throws IOException {
		for (Run run : runs(text)) {
			stream.setFont(run.latin() ? this.latin : this.cjk, size);
			stream.showText(run.text());
		}
	}

	public float width(String text, float size) {
		float units = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = printable(text.codePointAt(i));
			units += advance(codePoint);
			i += Character.charCount(text.codePointAt(i));
		}
		return units * size / 1000f;
	}

	/**
	 * Breaks the text into lines no wider than {@code maxWidth}: between Chinese
	 * characters, at spaces, and inside a Latin word only when the word alone is too
	 * wide. A line feed starts a new line.
	 */
	public List<String> wrap(String text, float size, float maxWidth) {
		List<String> lines = new ArrayList<>();
		for (String paragraph : text.split("\r?\n", -1)) {
			wrapParagraph(paragraph, size, maxWidth, lines);
		}
		return lines;
	}

	private void wrapParagraph(String paragraph, float size, float maxWidth, List<String> lines) {
		StringBuilder line = new StringBuilder();
		float lineWidth = 0;
		for (String token : tokens(paragraph)) {
			float tokenWidth = width(token, size);
			boolean space = token.isBlank();
			if (lineWidth + tokenWidth <= maxWidth) {
				if (!(space && line.isEmpty())) {
					line.append(token);
					lineWidth += tokenWidth;
				}
			}
			else if (space) {
				lineWidth = flush(line, lines);
			}
			else if (tokenWidth <= maxWidth) {
				String carried = carriedOver(line, token);
				flush(line, lines);
				line.append(carried).append(token);
				lineWidth = width(line.toString(), size);
			}
			else {
				for (int i = 0; i < token.length();) {
					String character = new String(Character.toChars(token.codePointAt(i)));
					float characterWidth = width(character, size);
					if (lineWidth + characterWidth > maxWidth && !line.isEmpty()) {
						lineWidth = flush(line, lines);
					}
					line.append(character);
					lineWidth += characterWidth;
					i += character.length();
				}
			}
		}
		lines.add(line.toString().stripTrailing());
	}

	/**
	 * The character that moves to the next line with the token so that no line ends with
	 * an opening bracket or starts with a closing mark (the usual rule of Chinese
	 * typesetting).
	 */
	private String carriedOver(StringBuilder line, String token) {
		if (line.codePointCount(0, line.length()) < 2) {
			return "";
		}
		int last = line.codePointBefore(line.length());
		boolean opening = OPENING.indexOf(last) >= 0;
		boolean closingNext = CLOSING.indexOf(token.codePointAt(0)) >= 0 && !this.fonts.latinHas(last)
				&& !Character.isWhitespace(last);
		if (!opening && !closingNext) {
			return "";
		}
		int cut = line.length() - Character.charCount(last);
		String carried = line.substring(cut);
		line.setLength(cut);
		return carried;
	}

	private static float flush(StringBuilder line, List<String> lines) {
		lines.add(line.toString().stripTrailing());
		line.setLength(0);
		return 0;
	}

	/** Latin words and runs of spaces stay whole; every other character is a token. */
	private List<String> tokens(String paragraph) {
		List<String> tokens = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		int wordKind = 0;
		for (int i = 0; i < paragraph.length();) {
			int codePoint = paragraph.codePointAt(i);
			i += Character.charCount(codePoint);
			int kind = Character.isWhitespace(codePoint) ? 1 : (this.fonts.latinHas(codePoint) ? 2 : 3);
			if (kind != wordKind || kind == 3) {
				if (!word.isEmpty()) {
					tokens.add(word.toString());
					word.setLength(0);
				}
				wordKind = kind;
			}
			word.appendCodePoint(printable(codePoint));
		}
		if (!word.isEmpty()) {
			tokens.add(word.toString());
		}
		return tokens;
	}

	private List<Run> runs(String text) {
		List<Run> runs = new ArrayList<>();
		StringBuilder run = new StringBuilder();
		boolean runLatin = false;
		for (int i = 0; i < text.length();) {
			int codePoint = printable(text.codePointAt(i));
			i += Character.charCount(text.codePointAt(i));
			boolean latin = this.fonts.latinHas(codePoint);
			if (latin != runLatin && !run.isEmpty()) {
				runs.add(new Run(run.toString(), runLatin));
				run.setLength(0);
			}
			runLatin = latin;
			run.appendCodePoint(codePoint);
		}
		if (!run.isEmpty()) {
			runs.add(new Run(run.toString(), runLatin));
		}
		return runs;
	}

	private int printable(int codePoint) {
		if (Character.isISOControl(codePoint)) {
			return ' ';
		}
		if (this.fonts.latinHas(codePoint) || this.fonts.cjkHas(codePoint)) {
			return codePoint;
		}
		return Character.isWhitespace(codePoint) ? ' ' : MISSING;
	}

	private float advance(int codePoint) {
		boolean latin = this.fonts.latinHas(codePoint);
		TrueTypeFont font = latin ? this.fonts.latin() : this.fonts.cjk();
		int glyph = latin ? this.fonts.latinMap().getGlyphId(codePoint) : this.fonts.cjkMap().getGlyphId(codePoint);
		try {
			return font.getAdvanceWidth(glyph) * (latin ? this.latinScale : this.cjkScale);
		}
		catch (IOException ex) {
			return 1000f;
		}
	}

	public PDFont cjkFont() {
		return this.cjk;
	}

	private record Run(String text, boolean latin) {
	}

}
