package org.ruxue.app.registry;

/**
 * The student registry could not be reached, or did not answer by the protocol, after
 * every attempt (docs/registry.md): the reason, never personal data.
 */
public class RegistryUnavailable extends RuntimeException {

	private final int attempts;

	RegistryUnavailable(String reason, int attempts) {
		super(reason);
		this.attempts = attempts;
	}

	/** Requests made, each of which may have reached the registry. */
	public int attempts() {
		return attempts;
	}

}
