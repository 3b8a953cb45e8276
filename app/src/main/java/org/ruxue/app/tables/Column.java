package org.ruxue.app.tables;

import java.time.temporal.Temporal;
import java.util.function.Function;

/**
 * One column of a staff table: its name in the address ({@code ?sort=status}), the
 * message key of its header, and what a row shows in it. What is shown is also what the
 * filter searches, what the column sorts by (numbers as numbers, times in order, text in
 * the order of the reader's language) and what the download writes.
 *
 * @param <T> the rows' type
 */
public record Column<T>(String key, String header, Function<T, ?> value, Kind kind, boolean sortable) {

	/** How a column's values read, sort and download. */
	public enum Kind {

		/** Text as it is, sorted in the reader's collation (pinyin for Chinese). */
		TEXT,
		/** A number, sorted by value. */
		NUMBER,
		/** A message key, shown and sorted as the message in the reader's language. */
		MESSAGE,
		/** A moment or a day, shown in the city's time zone, sorted in time. */
		TIME,
		/** The row's buttons: neither sorted, searched nor downloaded. */
		ACTIONS

	}

	public Column {
		if (!key.matches("[a-z][a-zA-Z0-9-]*")) {
			throw new IllegalArgumentException("A column's key is a plain word, not " + key);
		}
	}

	public static <T> Column<T> text(String key, String header, Function<T, String> value) {
		return new Column<>(key, header, value, Kind.TEXT, true);
	}

	public static <T> Column<T> number(String key, String header, Function<T, ? extends Number> value) {
		return new Column<>(key, header, value, Kind.NUMBER, true);
	}

	/**
	 * A column whose values are message keys, such as a status's {@code messageKey()}.
	 */
	public static <T> Column<T> message(String key, String header, Function<T, String> messageKey) {
		return new Column<>(key, header, messageKey, Kind.MESSAGE, true);
	}

	/** An {@code Instant}, {@code LocalDate} or {@code LocalDateTime}. */
	public static <T> Column<T> time(String key, String header, Function<T, ? extends Temporal> value) {
		return new Column<>(key, header, value, Kind.TIME, true);
	}

	/** The header of the rows' buttons or links, which the page draws itself. */
	public static <T> Column<T> actions(String key, String header) {
		return new Column<>(key, header, row -> null, Kind.ACTIONS, false);
	}

	/**
	 * This column, shown, searched and downloaded but not offered for sorting: for a
	 * table its facade sorts in the database, by the columns it has an order for.
	 */
	public Column<T> unsorted() {
		return new Column<>(key, header, value, kind, false);
	}

	/** Whether the column filters and downloads. */
	public boolean data() {
		return kind != Kind.ACTIONS;
	}

}
