package org.ruxue.app.population;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes RFC 4180 rows, one per line ending in LF, quoting only the fields that need it;
 * null is written as an empty field, which PostgreSQL's COPY reads as NULL.
 */
final class CsvWriter implements Closeable {

	private final Writer out;

	private long rows;

	CsvWriter(Writer out) {
		this.out = out;
	}

	CsvWriter row(Object... fields) {
		try {
			for (int i = 0; i < fields.length; i++) {
				if (i > 0) {
					out.write(',');
				}
				write(fields[i]);
			}
			out.write('\n');
			rows++;
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Rows written so far, the header included. */
	long rows() {
		return rows;
	}

	private void write(Object field) throws IOException {
		if (field == null) {
			return;
		}
		String text = field.toString();
		if (text.isEmpty() || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
				|| text.indexOf('\r') >= 0) {
			out.write('"');
			out.write(text.replace("\"", "\"\""));
			out.write('"');
		}
		else {
			out.write(text);
		}
	}

	@Override
	public void close() {
		try {
			out.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
