package org.ruxue.app.registry;

import java.time.LocalDate;

import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.population.IdCardNumber;

/** One row of the registry's export that passed every check, typed. */
record CheckedGraduate(int row, String educationId, IdCardNumber idNumber, String name, String sex, LocalDate birthDate,
		String schoolCode, String className, String districtCode, String hukouDistrictCode, String guardianName,
		MobileNumber mobile) {

}
