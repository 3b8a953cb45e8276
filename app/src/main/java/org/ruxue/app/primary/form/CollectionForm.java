package org.ruxue.app.primary.form;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything printed on one information-collection form (R-P6), as the registration
 * stands when it is printed; a reprint (R-P14) is a new value with a new
 * {@code printedAt}. Only the fields that identify the form are required: any other
 * missing value prints as a dash, so a form can always be printed.
 *
 * @param registrationNumber the registration number, e.g. {@code 2017-110108-000123}
 * @param shortCode the code school staff type to check the form, e.g. {@code K7Q3-9MXD}
 * @param verifyUrl the address the QR code carries, answering whether the form is genuine
 * and current
 * @param certificateNumber the property certificate's number, {@code null} when there is
 * none
 * @param certificateDate the property certificate's date, {@code null} when there is none
 * @param owner the property's owner, {@code null} when there is none
 * @param studyPermitNumber the study permit (在京就读证明, R-P7), {@code null} for
 * Beijing-hukou children
 * @param voided whether the registration was cancelled or voided (R-P8, R-P11): the form
 * then carries a large 作废 / VOID mark
 */
public record CollectionForm(String registrationNumber, String shortCode, URI verifyUrl, int year, String districtName,
		String childName, String childIdNumber, String sex, LocalDate birthDate, String hukouType, String hukouAddress,
		String homeTenure, String certificateNumber, LocalDate certificateDate, String owner, String residenceAddress,
		List<Guardian> guardians, List<String> zoneSchools, String zoningRule, String priorityCategory,
		String studyPermitNumber, boolean voided, OffsetDateTime submittedAt, OffsetDateTime printedAt) {

	public CollectionForm {
		Objects.requireNonNull(registrationNumber, "registrationNumber");
		Objects.requireNonNull(shortCode, "shortCode");
		Objects.requireNonNull(verifyUrl, "verifyUrl");
		Objects.requireNonNull(childName, "childName");
		Objects.requireNonNull(childIdNumber, "childIdNumber");
		guardians = (guardians != null) ? List.copyOf(guardians) : List.of();
		zoneSchools = (zoneSchools != null) ? List.copyOf(zoneSchools) : List.of();
	}

	/**
	 * A guardian as registered (R-P6): name, relation to the child, ID number, mobile.
	 */
	public record Guardian(String name, String relation, String idNumber, String mobile) {
	}

}
