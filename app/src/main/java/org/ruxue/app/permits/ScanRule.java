package org.ruxue.app.permits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What a scan must be to be stored (issue 7, R-P15). The rule, in order:
 * <ol>
 * <li>not empty and at most the configured size;</li>
 * <li>the name is a plain file name: no directory part ({@code /} or {@code \}), no
 * control characters; it is shown, never used as a path;</li>
 * <li>the content is PDF, JPEG or PNG by its signature at byte 0; the name's extension,
 * if any, must be one of that type's;</li>
 * <li>the file is exactly one document of that type (a polyglot is refused): a PNG ends
 * with its IEND chunk and every chunk's CRC holds; a JPEG ends with its end-of-image
 * marker; a PDF ends with {@code %%EOF};</li>
 * <li>nothing in it reads as web content ({@code <script}, {@code <html}, …) and an image
 * carries no PDF;</li>
 * <li>an image decodes, at most 12,000 pixels a side; a PDF opens, is not encrypted, and
 * has no JavaScript, launch actions, embedded files, rich media or XFA forms.</li>
 * </ol>
 * Served scans are attachments with their recognised type and {@code nosniff}, so even a
 * file that passed would not run in a browser.
 */
final class ScanRule {

	static final int MAX_SIDE = 12_000;

	private static final List<String> WEB_MARKERS = List.of("<script", "<html", "<!doctype html", "<iframe", "<svg",
			"<object", "<embed", "<body", "<?php", "javascript:");

	private static final Set<COSName> ACTIVE_PDF_KEYS = Set.of(COSName.JS, COSName.JAVA_SCRIPT,
			COSName.getPDFName("Launch"), COSName.EMBEDDED_FILES, COSName.EMBEDDED_FILE,
			COSName.getPDFName("RichMedia"), COSName.getPDFName("XFA"));

	private ScanRule() {
	}

	/** A scan that passed: its recognised type, its display name and its digest. */
	record Scan(ScanType type, String fileName, byte[] content, String sha256) {

	}

	static Scan check(String offeredName, byte[] content, long maxBytes) {
		if (content == null || content.length == 0) {
			throw new PermitRefused("file", "permits.scan.empty");
		}
		if (content.length > maxBytes) {
			throw new PermitRefused("file", "permits.scan.too-large", megabytes(maxBytes));
		}
		String name = plainName(offeredName);
		ScanType type = recognise(content);
		String fileName = withExtension(name, type);
		requireWhole(type, content);
		requireNoWebContent(type, content);
		requireReadable(type, content);
		return new Scan(type, fileName, content, sha256(content));
	}

	static String megabytes(long bytes) {
		return String.valueOf(bytes / (1024 * 1024));
	}

	private static String plainName(String offered) {
		String name = Normalizer.normalize((offered != null) ? offered : "", Normalizer.Form.NFKC).strip();
		if (name.contains("/") || name.contains("\\") || name.chars().anyMatch(Character::isISOControl)) {
			throw new PermitRefused("file", "permits.scan.path-in-name");
		}
		name = name.replace("\"", "").replaceAll("^\\.+", "");
		return name;
	}

	private static ScanType recognise(byte[] b) {
		if (startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return ScanType.PDF;
		}
		if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
			return ScanType.JPEG;
		}
		if (startsWith(b, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' })) {
			return ScanType.PNG;
		}
		throw new PermitRefused("file", "permits.scan.unknown-type");
	}

	private static String withExtension(String name, ScanType type) {
		int dot = name.lastIndexOf('.');
		String base = (dot >= 0) ? name.substring(0, dot) : name;
		if (dot >= 0 && !type.fitsExtension(name.substring(dot + 1))) {
			throw new PermitRefused("file", "permits.scan.extension-mismatch", type.name(),
					name.substring(dot + 1).toLowerCase(Locale.ROOT));
		}
		String extension = (dot >= 0) ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : type.extension();
		if (base.isBlank()) {
			base = "scan";
		}
		if (base.length() > 100) {
			base = base.substring(0, 100);
		}
		return base + "." + extension;
	}

	private static void requireWhole(ScanType type, byte[] b) {
		boolean whole = switch (type) {
			case PNG -> pngEndsAtIend(b);
			case JPEG -> (b[b.length - 2] & 0xFF) == 0xFF && (b[b.length - 1] & 0xFF) == 0xD9;
			case PDF -> pdfEndsAtEof(b);
		};
		if (!whole) {
			throw new PermitRefused("file", "permits.scan.trailing-data", type.name());
		}
	}

	private static boolean pngEndsAtIend(byte[] b) {
		int at = 8;
		while (at + 12 <= b.length) {
			long length = ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8)
					| (b[at + 3] & 0xFF);
			if (length > b.length - at - 12) {
				return false;
			}
			CRC32 crc = new CRC32();
			crc.update(b, at + 4, 4 + (int) length);
			int crcAt = at + 8 + (int) length;
			long stored = ((b[crcAt] & 0xFFL) << 24) | ((b[crcAt + 1] & 0xFF) << 16) | ((b[crcAt + 2] & 0xFF) << 8)
					| (b[crcAt + 3] & 0xFF);
			if (crc.getValue() != stored) {
				return false;
			}
			String chunk = new String(b, at + 4, 4, StandardCharsets.US_ASCII);
			at = crcAt + 4;
			if (chunk.equals("IEND")) {
				return at == b.length;
			}
		}
		return false;
	}

	private static boolean pdfEndsAtEof(byte[] b) {
		int end = b.length;
		while (end > 0 && (b[end - 1] == '\n' || b[end - 1] == '\r' || b[end - 1] == ' ' || b[end - 1] == '\t'
				|| b[end - 1] == 0)) {
			end--;
		}
		byte[] eof = "%%EOF".getBytes(StandardCharsets.US_ASCII);
		if (end < eof.length) {
			return false;
		}
		for (int i = 0; i < eof.length; i++) {
			if (b[end - eof.length + i] != eof[i]) {
				return false;
			}
		}
		return true;
	}

	private static void requireNoWebContent(ScanType type, byte[] b) {
		// Latin-1 keeps one char per byte, so offsets and markers line up
		String text = new String(b, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
		for (String marker : WEB_MARKERS) {
			if (text.contains(marker)) {
				throw new PermitRefused("file", "permits.scan.active-content", type.name());
			}
		}
		if (type != ScanType.PDF && text.contains("%pdf-")) {
			throw new PermitRefused("file", "permits.scan.active-content", type.name());
		}
	}

	private static void requireReadable(ScanType type, byte[] b) {
		if (type == ScanType.PDF) {
			requireInertPdf(b);
		}
		else {
			requireDecodableImage(type, b);
		}
	}

	private static void requireDecodableImage(ScanType type, byte[] b) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(b))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.mediaType());
			if (!readers.hasNext()) {
				throw new IllegalStateException("No image reader for " + type);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE) {
					throw new PermitRefused("file", "permits.scan.too-many-pixels", MAX_SIDE);
				}
				reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof PermitRefused refused) {
				throw refused;
			}
			throw new PermitRefused("file", "permits.scan.damaged", type.name());
		}
	}

	private static void requireInertPdf(byte[] b) {
		try (PDDocument pdf = Loader.loadPDF(b)) {
			if (pdf.isEncrypted()) {
				throw new PermitRefused("file", "permits.scan.encrypted");
			}
			if (pdf.getNumberOfPages() < 1) {
				throw new PermitRefused("file", "permits.scan.damaged", "PDF");
			}
			for (COSObjectKey key : pdf.getDocument().getXrefTable().keySet()) {
				COSBase object = pdf.getDocument().getObjectFromPool(key).getObject();
				if (object instanceof COSDictionary dictionary && active(dictionary)) {
					throw new PermitRefused("file", "permits.scan.active-content", "PDF");
				}
			}
			if (active(pdf.getDocumentCatalog().getCOSObject())) {
				throw new PermitRefused("file", "permits.scan.active-content", "PDF");
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof PermitRefused refused) {
				throw refused;
			}
			throw new PermitRefused("file", "permits.scan.damaged", "PDF");
		}
	}

	private static boolean active(COSDictionary dictionary) {
		for (COSName key : dictionary.keySet()) {
			if (ACTIVE_PDF_KEYS.contains(key)) {
				return true;
			}
		}
		COSBase subtype = dictionary.getDictionaryObject(COSName.S);
		if (subtype instanceof COSName name && ACTIVE_PDF_KEYS.contains(name)) {
			return true;
		}
		COSBase kind = dictionary.getDictionaryObject(COSName.TYPE);
		return kind instanceof COSName name && ACTIVE_PDF_KEYS.contains(name);
	}

	private static boolean startsWith(byte[] b, byte[] prefix) {
		if (b.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (b[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
