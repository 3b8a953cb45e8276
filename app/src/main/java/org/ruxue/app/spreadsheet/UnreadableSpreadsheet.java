package org.ruxue.app.spreadsheet;

import java.util.Arrays;
import java.util.List;

/**
 * The file is no spreadsheet this reader takes, or has too many rows: the reason as a
 * short key ({@code empty}, {@code xls}, {@code not-xlsx}, {@code unreadable},
 * {@code not-csv}, {@code open-quote}, {@code rows}) with its arguments, for the
 * importing module to word in its users' language.
 */
public class UnreadableSpreadsheet extends RuntimeException {

	private final String reason;

	private final List<String> args;

	UnreadableSpreadsheet(String reason, Object... args) {
		super(reason);
		this.reason = reason;
		this.args = Arrays.stream(args).map(String::valueOf).toList();
	}

	public String reason() {
		return reason;
	}

	public List<String> args() {
		return args;
	}

}
