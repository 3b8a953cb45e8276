package org.ruxue.app.population;

import java.text.Normalizer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The population register as the platform sees it (R-P11). This is the local adapter,
 * which answers from the synthetic register in this database and works out of the box;
 * the network adapter to the real register comes in behind the same facade.
 */
@Service
public class PopulationRegister {

	private final PopulationPersons persons;

	PopulationRegister(PopulationPersons persons) {
		this.persons = persons;
	}

	/**
	 * Whether the register knows the number and holds this name for it.
	 * @throws InvalidIdCardNumberException when the text cannot be an ID number: that is
	 * the family's typo, not the register's answer
	 */
	@Transactional(readOnly = true)
	public Verification verify(String idNumber, String name) {
		return verify(IdCardNumber.parse(idNumber), name);
	}

	@Transactional(readOnly = true)
	public Verification verify(IdCardNumber idNumber, String name) {
		return persons.nameOf(idNumber)
			.map(registered -> comparable(registered).equals(comparable(name)) ? Verification.MATCH
					: Verification.NAME_MISMATCH)
			.orElse(Verification.NOT_FOUND);
	}

	/**
	 * Names are compared as a clerk would read them: full-width and half-width forms
	 * alike, blanks ignored, and the several dots people type inside minority names
	 * (买买提·艾力) taken as one.
	 */
	private static String comparable(String name) {
		if (name == null) {
			return "";
		}
		return Normalizer.normalize(name, Normalizer.Form.NFKC)
			.replaceAll("[\\s\\u3000]", "")
			.replaceAll("[\\u00B7\\u2022\\u2027\\u30FB\\uFF65\\u2219.]", "·");
	}

}
