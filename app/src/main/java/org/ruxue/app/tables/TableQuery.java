package org.ruxue.app.tables;

import java.util.List;
import java.util.Locale;

/**
 * What the reader asked of a table, as it comes in the address: the column to sort by
 * ({@code sort}, with {@code dir=desc} for the reverse), the text to look for
 * ({@code filter}), the page ({@code page}, from 1) and its length ({@code size}), and
 * {@code format=xlsx} (or {@code csv}) for the download. Everything is read leniently: a
 * page that is not a number is the first page, an unknown column leaves the rows in their
 * order, so that an edited address never ends in an error page.
 */
public record TableQuery(String sort, String dir, String filter, String page, String size, String format) {

	/** The page lengths offered; the first is the default. */
	public static final List<Integer> SIZES = List.of(50, 20, 100, 500);

	static final int MAX_FILTER = 50;

	public static TableQuery none() {
		return new TableQuery(null, null, null, null, null, null);
	}

	public boolean descending() {
		return "desc".equalsIgnoreCase(dir);
	}

	/**
	 * The filter text, trimmed and lower-cased, at most {@value #MAX_FILTER} characters.
	 */
	public String needle() {
		if (filter == null || filter.isBlank()) {
			return "";
		}
		String text = filter.strip().toLowerCase(Locale.ROOT);
		return (text.length() > MAX_FILTER) ? text.substring(0, MAX_FILTER) : text;
	}

	public int pageNumber() {
		try {
			return Math.max(1, Integer.parseInt(String.valueOf(page).strip()));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	public int pageSize() {
		try {
			int asked = Integer.parseInt(String.valueOf(size).strip());
			return SIZES.contains(asked) ? asked : SIZES.get(0);
		}
		catch (NumberFormatException ex) {
			return SIZES.get(0);
		}
	}

	/** The download's format, or null for the page. */
	public String download() {
		String asked = (format != null) ? format.strip().toLowerCase(Locale.ROOT) : "";
		return ("xlsx".equals(asked) || "csv".equals(asked)) ? asked : null;
	}

}
