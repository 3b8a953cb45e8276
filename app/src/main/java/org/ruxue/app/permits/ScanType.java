package org.ruxue.app.permits;

import java.util.List;
import java.util.Locale;

/** What a scan may be (issue 7): recognised by its content, never by its name. */
public enum ScanType {

	PDF("application/pdf", List.of("pdf")), JPEG("image/jpeg", List.of("jpg", "jpeg")),
	PNG("image/png", List.of("png"));

	private final String mediaType;

	private final List<String> extensions;

	ScanType(String mediaType, List<String> extensions) {
		this.mediaType = mediaType;
		this.extensions = extensions;
	}

	public String mediaType() {
		return mediaType;
	}

	public String extension() {
		return extensions.get(0);
	}

	boolean fitsExtension(String extension) {
		return extensions.contains(extension.toLowerCase(Locale.ROOT));
	}

	static ScanType ofMediaType(String mediaType) {
		for (ScanType type : values()) {
			if (type.mediaType.equals(mediaType)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Not a scan type: " + mediaType);
	}

}
