package org.ruxue.app.population;

import org.springframework.stereotype.Service;

/**
 * The population register as the platform sees it (R-P11), whichever adapter answers: the
 * local register table or the JSON service (docs/population.md).
 */
@Service
public class PopulationRegister {

	private final PopulationLookup lookup;

	PopulationRegister(PopulationLookup lookup) {
		this.lookup = lookup;
	}

	/**
	 * The same as {@link #verify(IdCardNumber, String)} for the number as typed.
	 * @throws InvalidIdCardNumberException when the text cannot be an ID number: that is
	 * the family's typo, not the register's answer
	 * @throws PopulationRegisterUnavailable when the register cannot answer now
	 */
	public Verification verify(String idNumber, String name) {
		return verify(IdCardNumber.parse(idNumber), name);
	}

	/**
	 * Whether the register knows the number and holds this name for it: {@code MATCH},
	 * {@code NAME_MISMATCH} or {@code NOT_FOUND}, each a final answer about the person.
	 * When the register cannot answer (a timeout, a refused connection, a server error
	 * after the retries, a malformed answer, or the circuit breaker open) this throws
	 * {@link PopulationRegisterUnavailable} instead of guessing: the caller keeps the
	 * registration pending and asks again later, so that an outage never loses or fails a
	 * registration.
	 * @throws PopulationRegisterUnavailable when the register cannot answer now
	 */
	public Verification verify(IdCardNumber idNumber, String name) {
		return lookup.verify(idNumber, name);
	}

}
