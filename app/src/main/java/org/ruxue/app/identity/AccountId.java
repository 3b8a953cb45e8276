package org.ruxue.app.identity;

import java.util.UUID;

public record AccountId(UUID value) implements java.io.Serializable {

	public static AccountId random() {
		return new AccountId(UUID.randomUUID());
	}

}
