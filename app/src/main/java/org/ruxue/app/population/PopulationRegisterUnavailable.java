package org.ruxue.app.population;

/**
 * The population register could not answer (R-P11): a timeout, a refused connection, a
 * server error after the retries, an answer that is not the protocol's, or the circuit
 * breaker open after repeated failures. It says nothing about the person: the caller
 * keeps the registration pending and asks again later. The message is English, for the
 * logs, carries the ID number only masked, and is never shown to families.
 */
public class PopulationRegisterUnavailable extends RuntimeException {

	public PopulationRegisterUnavailable(String message) {
		super(message);
	}

	public PopulationRegisterUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}
