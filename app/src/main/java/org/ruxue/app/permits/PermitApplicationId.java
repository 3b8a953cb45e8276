package org.ruxue.app.permits;

import java.util.NoSuchElementException;
import java.util.UUID;

/** The id of a family's permit application. */
public record PermitApplicationId(UUID value) {

	/**
	 * @throws NoSuchElementException for text that is no id: no such application
	 */
	public static PermitApplicationId parse(String text) {
		try {
			return new PermitApplicationId(UUID.fromString(text));
		}
		catch (RuntimeException ex) {
			throw new NoSuchElementException("No such application");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
