package org.ruxue.app.printing;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * A4 pages filled from the top: text, bordered rows of wrapped cells that continue on a
 * new page when they do not fit, and the marks laid over every page at the end (footer,
 * void mark). Nothing is ever drawn past the margins: long values wrap, long rows split.
 */
public final class FormSheet {

	public static final PDRectangle A4 = PDRectangle.A4;

	public static final float LEFT = 40;

	public static final float RIGHT = A4.getWidth() - 40;

	public static final float WIDTH = RIGHT - LEFT;

	public static final float TOP = A4.getHeight() - 40;

	public static final float BOTTOM = 48;

	public static final float BODY = 10;

	public static final float LEADING = 13;

	public static final float PAD = 4;

	public static final Color INK = Color.BLACK;

	public static final Color LABEL_INK = new Color(0x33, 0x33, 0x33);

	public static final Color RULE = new Color(0x8c, 0x8c, 0x8c);

	public static final Color SHADE = new Color(0xee, 0xee, 0xee);

	public static final Color VOID_RED = new Color(0xc6, 0x28, 0x28);

	private final PDDocument document;

	private final Typeset type;

	private final String continuation;

	private final List<PDPage> pages = new ArrayList<>();

	private PDPageContentStream stream;

	private float y;

	public FormSheet(PDDocument document, Typeset type, String continuation) throws IOException {
		this.document = document;
		this.type = type;
		this.continuation = continuation;
		newPage();
	}

	public Typeset type() {
		return this.type;
	}

	public PDPageContentStream stream() {
		return this.stream;
	}

	public float y() {
		return this.y;
	}

	public void moveDown(float height) {
		this.y -= height;
	}

	public void needs(float height) throws IOException {
		if (this.y - height < BOTTOM) {
			newPage();
		}
	}

	public void text(String text, float x, float baseline, float size, Color color, boolean bold) throws IOException {
		if (bold) {
			this.stream.setLineWidth(size * 0.035f);
			this.stream.setStrokingColor(color);
		}
		this.stream.beginText();
		this.stream.setNonStrokingColor(color);
		this.stream.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
		this.stream.newLineAtOffset(x, baseline);
		this.type.show(this.stream, text, size);
		this.stream.endText();
	}

	public void centred(String text, float baseline, float size, Color color, boolean bold) throws IOException {
		float width = this.type.width(text, size);
		text(text, LEFT + (WIDTH - width) / 2, baseline, size, color, bold);
	}

	/** A section's title: a shaded band that always has at least one row below it. */
	public void heading(String title) throws IOException {
		float band = 18;
		needs(6 + band + LEADING + 2 * PAD);
		this.y -= 6;
		fill(LEFT, this.y - band, WIDTH, band, SHADE);
		stroke(LEFT, this.y - band, WIDTH, band);
		text(title, LEFT + PAD + 2, this.y - band + 5, 11, INK, true);
		this.y -= band;
	}

	/**
	 * A row of label/value fields side by side; each field takes its share of the width.
	 */
	public void fields(Field... fields) throws IOException {
		float total = 0;
		for (Field field : fields) {
			total += field.share();
		}
		List<Cell> cells = new ArrayList<>();
		float x = LEFT;
		for (Field field : fields) {
			float width = WIDTH * field.share() / total;
			float labelWidth = Math.min(field.labelWidth(), width / 2);
			cells.add(cell(field.label(), x, labelWidth, BODY - 0.5f, true, false));
			cells.add(cell(field.value(), x + labelWidth, width - labelWidth, BODY, false, false));
			x += width;
		}
		row(cells);
	}

	/** A row of a table whose column widths are given as shares of the page width. */
	public void tableRow(float[] shares, List<String> values, boolean header) throws IOException {
		float total = 0;
		for (float share : shares) {
			total += share;
		}
		List<Cell> cells = new ArrayList<>();
		float x = LEFT;
		for (int i = 0; i < shares.length; i++) {
			float width = WIDTH * shares[i] / total;
			cells.add(cell(values.get(i), x, width, header ? BODY - 0.5f : BODY, header, header));
			x += width;
		}
		row(cells);
	}

	/** A paragraph without a border, wrapped to the page width. */
	public void paragraph(String text, float size, Color color) throws IOException {
		float leading = size * 1.45f;
		for (String line : this.type.wrap(text, size, WIDTH)) {
			needs(leading);
			text(line, LEFT, this.y - leading * 0.78f, size, color, false);
			this.y -= leading;
		}
	}

	private Cell cell(String text, float x, float width, float size, boolean shaded, boolean bold) {
		String value = (text == null || text.isBlank()) ? "—" : text;
		return new Cell(this.type.wrap(value, size, width - 2 * PAD), x, width, size, shaded, bold);
	}

	private void row(List<Cell> cells) throws IOException {
		int lines = 0;
		for (Cell cell : cells) {
			lines = Math.max(lines, cell.lines().size());
		}
		int drawn = 0;
		while (drawn < lines) {
			int fit = (int) ((this.y - BOTTOM - 2 * PAD) / LEADING);
			if (fit < 1) {
				newPage();
				continue;
			}
			int take = Math.min(fit, lines - drawn);
			float height = take * LEADING + 2 * PAD;
			float top = this.y;
			for (Cell cell : cells) {
				if (cell.shaded()) {
					fill(cell.x(), top - height, cell.width(), height, SHADE);
				}
				stroke(cell.x(), top - height, cell.width(), height);
			}
			for (Cell cell : cells) {
				for (int i = drawn; i < Math.min(drawn + take, cell.lines().size()); i++) {
					float baseline = top - PAD - (i - drawn) * LEADING - LEADING * 0.78f;
					text(cell.lines().get(i), cell.x() + PAD, baseline, cell.size(), cell.shaded() ? LABEL_INK : INK,
							cell.bold());
				}
			}
			this.y -= height;
			drawn += take;
		}
	}

	public void fill(float x, float y, float width, float height, Color color) throws IOException {
		this.stream.setNonStrokingColor(color);
		this.stream.addRect(x, y, width, height);
		this.stream.fill();
	}

	public void stroke(float x, float y, float width, float height) throws IOException {
		this.stream.setLineWidth(0.6f);
		this.stream.setStrokingColor(RULE);
		this.stream.addRect(x, y, width, height);
		this.stream.stroke();
	}

	private void newPage() throws IOException {
		if (this.stream != null) {
			this.stream.close();
		}
		PDPage page = new PDPage(A4);
		this.document.addPage(page);
		this.pages.add(page);
		this.stream = new PDPageContentStream(this.document, page);
		this.y = TOP;
		if (this.pages.size() > 1) {
			text(this.continuation, LEFT, this.y - 10, 9, LABEL_INK, false);
			this.y -= 18;
		}
	}

	/**
	 * Closes the last page and lays the footer (page numbers, with the registration
	 * number and print time) and, for a void form, the void mark over every page.
	 */
	public void finish(String footer, boolean voided) throws IOException {
		this.stream.close();
		int count = this.pages.size();
		for (int i = 0; i < count; i++) {
			try (PDPageContentStream over = new PDPageContentStream(this.document, this.pages.get(i), AppendMode.APPEND,
					true, true)) {
				this.stream = over;
				centred(footer + "　第 " + (i + 1) + " 页 / 共 " + count + " 页", 30, 8, LABEL_INK, false);
				if (voided) {
					voidMark(over);
				}
			}
		}
	}

	private void voidMark(PDPageContentStream over) throws IOException {
		PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
		translucent.setNonStrokingAlphaConstant(0.3f);
		translucent.setStrokingAlphaConstant(0.3f);
		over.saveGraphicsState();
		over.setGraphicsStateParameters(translucent);
		over.transform(Matrix.getRotateInstance(Math.toRadians(35), A4.getWidth() / 2, A4.getHeight() / 2));
		float big = 150;
		float small = 72;
		text("作废", -this.type.width("作废", big) / 2, 0, big, VOID_RED, true);
		text("VOID", -this.type.width("VOID", small) / 2, -small * 1.1f, small, VOID_RED, true);
		over.restoreGraphicsState();
	}

	/** A label and its value; {@code share} is the field's part of the row's width. */
	public record Field(String label, String value, float share, float labelWidth) {

		public static Field of(String label, String value) {
			return new Field(label, value, 1, 76);
		}

		public static Field wide(String label, String value) {
			return new Field(label, value, 2, 76);
		}

	}

	private record Cell(List<String> lines, float x, float width, float size, boolean shaded, boolean bold) {
	}

}
