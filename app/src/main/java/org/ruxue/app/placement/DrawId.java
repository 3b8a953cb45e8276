package org.ruxue.app.placement;

import java.util.UUID;

/** A draw's id. */
public record DrawId(UUID value) {

	public static DrawId parse(String text) {
		return new DrawId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
