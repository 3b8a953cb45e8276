package org.ruxue.app.junior;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the printed transfer application shows (R-J4): the student with the ID number
 * masked, the graduating school, the two districts and the address in the new one.
 */
record PrintedTransferForm(String number, int year, String studentName, String sex, String maskedIdNumber,
		LocalDate birthDate, String educationId, String schoolName, String className, String fromDistrictName,
		String hukouDistrictName, String toDistrictName, TransferKind kind, String address, String note,
		Instant printedAt) {

}
