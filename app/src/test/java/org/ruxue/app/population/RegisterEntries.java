package org.ruxue.app.population;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * Children in the test register for other modules' tests: each call a new child of
 * primary-entry age in Dongcheng, with an ID number no other test uses.
 */
@Component
public class RegisterEntries {

	private static final AtomicInteger next = new AtomicInteger();

	private final PopulationPersons persons;

	RegisterEntries(PopulationPersons persons) {
		this.persons = persons;
	}

	public IdCardNumber newChildInDongcheng(String name) {
		int n = next.incrementAndGet();
		LocalDate born = LocalDate.of(2010, 10, 1 + (n / 400) % 28);
		int sequence = 100 + (n % 400) * 2 + 1;
		IdCardNumber idNumber = IdCardNumber
			.withCheckDigit("110101" + born.toString().replace("-", "") + String.format("%03d", sequence));
		persons.insert(
				new Person(idNumber, name, Sex.MALE, born, HukouType.BEIJING, "110101", "110101002", "北京市东城区景山街道2号院"));
		return idNumber;
	}

	/**
	 * A person born on the day given, with an ID number of the address code given (any
	 * code that exists or existed, e.g. Chongwen's retired 110103), and a hukou of a
	 * Beijing district, or none for a non-local person.
	 */
	public IdCardNumber newPerson(String name, String addressCode, LocalDate born, String hukouDistrict,
			boolean collective) {
		int n = next.incrementAndGet();
		int sequence = 100 + (n % 400) * 2 + 1;
		IdCardNumber idNumber = IdCardNumber
			.withCheckDigit(addressCode + born.toString().replace("-", "") + String.format("%03d", sequence));
		HukouType hukou = (hukouDistrict == null) ? HukouType.NON_LOCAL
				: (collective ? HukouType.BEIJING_COLLECTIVE : HukouType.BEIJING);
		persons.insert(new Person(idNumber, name, Sex.MALE, born, hukou, hukouDistrict, "110101002", "北京市东城区景山街道2号院"));
		return idNumber;
	}

	/** An adult (a guardian) with a Dongcheng hukou. */
	public IdCardNumber newAdultInDongcheng(String name) {
		return newPerson(name, "110101", LocalDate.of(1985, 3, 1 + next.get() % 28), "110101", false);
	}

}
