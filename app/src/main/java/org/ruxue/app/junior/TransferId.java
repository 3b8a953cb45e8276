package org.ruxue.app.junior;

import java.util.UUID;

/** The id of a transfer application (R-J4). */
public record TransferId(UUID value) {

	public TransferId {
		if (value == null) {
			throw new IllegalArgumentException("A transfer id needs a value");
		}
	}

	public static TransferId random() {
		return new TransferId(UUID.randomUUID());
	}

	/** The id in a path, or empty when the text is no id at all. */
	public static java.util.Optional<TransferId> parse(String text) {
		try {
			return java.util.Optional.of(new TransferId(UUID.fromString(text)));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return java.util.Optional.empty();
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
