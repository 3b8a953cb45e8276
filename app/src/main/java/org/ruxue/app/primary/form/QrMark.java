package org.ruxue.app.primary.form;

import java.awt.Color;
import java.io.IOException;
import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The form's QR code as vector squares, so it stays sharp at any print resolution. Level
 * M survives a crease or a stamp on a printed form; the quiet zone of four modules is
 * kept inside the given square.
 */
final class QrMark {

	private static final int QUIET = 4;

	private QrMark() {
	}

	static void draw(PDPageContentStream stream, String content, float x, float y, float size) throws IOException {
		ByteMatrix matrix = encode(content);
		int modules = matrix.getWidth();
		float module = size / (modules + 2 * QUIET);
		stream.setNonStrokingColor(Color.WHITE);
		stream.addRect(x, y, size, size);
		stream.fill();
		stream.setNonStrokingColor(Color.BLACK);
		for (int row = 0; row < modules; row++) {
			float top = y + size - (QUIET + row) * module;
			int column = 0;
			while (column < modules) {
				if (matrix.get(column, row) != 1) {
					column++;
					continue;
				}
				int start = column;
				while (column < modules && matrix.get(column, row) == 1) {
					column++;
				}
				stream.addRect(x + (QUIET + start) * module, top - module, (column - start) * module, module);
			}
		}
		stream.fill();
	}

	private static ByteMatrix encode(String content) {
		try {
			return Encoder.encode(content, ErrorCorrectionLevel.M, Map.of(EncodeHintType.MARGIN, 0)).getMatrix();
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("The verification address cannot be put in a QR code", ex);
		}
	}

}
