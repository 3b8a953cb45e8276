package org.ruxue.app.primary;

import java.util.UUID;

public record RegistrationId(UUID value) {

	public static RegistrationId parse(String text) {
		try {
			return new RegistrationId(UUID.fromString(text));
		}
		catch (IllegalArgumentException ex) {
			throw new java.util.NoSuchElementException("No such registration");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
