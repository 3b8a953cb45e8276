package org.ruxue.app.printing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The form's two TrueType fonts, read from the class path once. Droid Sans Fallback
 * (Apache 2.0, kept in {@code fonts/} with its licence and provenance) has the Chinese
 * but no Latin letters or digits; Liberation Sans, which PDFBox ships in its own jar, has
 * those. Both are embedded as subsets, so the form needs no font on the printing machine.
 * <p>
 * A parsed {@link TrueTypeFont} reads its tables lazily from one shared buffer and is not
 * safe for concurrent use, so each rendering thread borrows its own parsed pair from a
 * pool that grows to the number of threads that ever render at once.
 */
public final class FormFonts {

	public static final String CJK_FONT = "/fonts/DroidSansFallbackFull.ttf";

	public static final String LATIN_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private final byte[] cjk;

	private final byte[] latin;

	private final Queue<Parsed> idle = new ConcurrentLinkedQueue<>();

	public FormFonts() {
		this.cjk = read(CJK_FONT);
		this.latin = read(LATIN_FONT);
		this.idle.add(parse());
	}

	public Parsed borrow() {
		Parsed parsed = this.idle.poll();
		return (parsed != null) ? parsed : parse();
	}

	public void giveBack(Parsed parsed) {
		this.idle.add(parsed);
	}

	private Parsed parse() {
		try {
			TrueTypeFont cjkFont = new TTFParser().parse(new RandomAccessReadBuffer(this.cjk));
			TrueTypeFont latinFont = new TTFParser().parse(new RandomAccessReadBuffer(this.latin));
			return new Parsed(cjkFont, cjkFont.getUnicodeCmapLookup(), latinFont, latinFont.getUnicodeCmapLookup());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The form's fonts cannot be parsed", ex);
		}
	}

	private static byte[] read(String resource) {
		try (InputStream in = FormFonts.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Font " + resource + " is missing from the class path");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Font " + resource + " cannot be read", ex);
		}
	}

	/** One thread's parsed fonts with their Unicode maps. */
	public record Parsed(TrueTypeFont cjk, CmapLookup cjkMap, TrueTypeFont latin, CmapLookup latinMap) {

		public boolean latinHas(int codePoint) {
			return this.latinMap.getGlyphId(codePoint) != 0;
		}

		public boolean cjkHas(int codePoint) {
			return this.cjkMap.getGlyphId(codePoint) != 0;
		}

	}

}
