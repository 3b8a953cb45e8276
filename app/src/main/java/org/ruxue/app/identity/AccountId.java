package org.ruxue.app.identity;

import java.util.UUID;

public record AccountId(UUID value) {

	public static AccountId random() {
		return new AccountId(UUID.randomUUID());
	}

}
