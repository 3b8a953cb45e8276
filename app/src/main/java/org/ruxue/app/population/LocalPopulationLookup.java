package org.ruxue.app.population;

import java.text.Normalizer;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * The {@code local} adapter: the register table {@code population_person} in this
 * database, filled by the demo or loaded from a register CSV (docs/population.md). It
 * compares names itself, as the real register would.
 */
class LocalPopulationLookup implements PopulationLookup {

	private final PopulationPersons persons;

	LocalPopulationLookup(PopulationPersons persons) {
		this.persons = persons;
	}

	@Override
	public Verification verify(IdCardNumber idNumber, String name) {
		try {
			return persons.nameOf(idNumber)
				.map(registered -> comparable(registered).equals(comparable(name)) ? Verification.MATCH
						: Verification.NAME_MISMATCH)
				.orElse(Verification.NOT_FOUND);
		}
		catch (DataAccessResourceFailureException | TransientDataAccessException ex) {
			// the database is away for a moment: no answer, not a negative one
			throw new PopulationRegisterUnavailable(
					"Local population register unavailable for " + idNumber.masked() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Names are compared as a clerk would read them: full-width and half-width forms
	 * alike, blanks ignored, and the several dots people type inside minority names
	 * (买买提·艾力) taken as one.
	 */
	static String comparable(String name) {
		if (name == null) {
			return "";
		}
		return Normalizer.normalize(name, Normalizer.Form.NFKC)
			.replaceAll("[\\s\\u3000]", "")
			.replaceAll("[\\u00B7\\u2022\\u2027\\u30FB\\uFF65\\u2219.]", "·");
	}

}
