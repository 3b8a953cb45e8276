package org.ruxue.app.registry;

import java.time.LocalDate;

import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.population.IdCardNumber;

/** A student's data as the registry hands it over or a district officer records it. */
public record NewStudent(String educationId, IdCardNumber idNumber, String name, String sex, LocalDate birthDate,
		int entryYear, String schoolCode, String className, String districtCode, String hukouDistrictCode,
		String guardianName, MobileNumber mobile, Student.Origin origin) {

}
