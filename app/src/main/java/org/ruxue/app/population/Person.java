package org.ruxue.app.population;

import java.time.LocalDate;

/**
 * A person as the population register holds them.
 *
 * @param hukouDistrictCode the Beijing district of the hukou, null for a hukou elsewhere
 * @param addressStreetCode the Beijing street (街道/乡镇) the person lives in
 */
record Person(IdCardNumber idNumber, String name, Sex sex, LocalDate birthDate, HukouType hukouType,
		String hukouDistrictCode, String addressStreetCode, String address) {

	Person {
		if (sex != Sex.of(idNumber) || !birthDate.equals(idNumber.birthDate())) {
			throw new IllegalArgumentException("Sex and birth date must be those of the ID number");
		}
		if ((hukouType == HukouType.NON_LOCAL) != (hukouDistrictCode == null)) {
			throw new IllegalArgumentException("A Beijing hukou has a district, a hukou elsewhere has none");
		}
	}

}
