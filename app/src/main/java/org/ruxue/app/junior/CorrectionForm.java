package org.ruxue.app.junior;

/** The teacher's corrected basic data as typed (R-J3); {@code Corrections} checks it. */
public record CorrectionForm(String name, String sex, String birthDate, String className, String hukouDistrictCode,
		String guardianName) {

}
