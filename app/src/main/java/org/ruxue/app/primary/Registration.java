package org.ruxue.app.primary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.ruxue.app.identity.AccessPolicy;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.population.IdCardNumber;

/**
 * One primary-entry registration as stored. The ID numbers are opened from their sealed
 * form; pages show them masked ({@link IdCardNumber#masked()}).
 *
 * @param familyAccount null when the district registered the child without an account
 * @param zoneSchoolCodes the zone's school, or its lottery set (R-Z4)
 * @param categoryInputs what the category rule read, as recorded (R-G9)
 */
public record Registration(RegistrationId id, String number, int year, String districtCode, AccountId familyAccount,
		String registeredBy, IdCardNumber childIdNumber, String childName, String sex, LocalDate birthDate, Hukou hukou,
		String hukouDistrictCode, String hukouAddress, HomeTenure tenure, String certificateNumber,
		LocalDate certificateDate, HomeOwner owner, String address, String zoneName, List<String> zoneSchoolCodes,
		String zoningRule, String homeKey, String studyPermitNumber, int categoryPosition, String categoryLabel,
		String categoryInputs, RegistrationStatus status, String statusReason, IdentityCheck check,
		String mismatchField, String formCode, String problemReport, Instant submittedAt, Instant changedAt,
		int version, int verifyAttempts, List<Guardian> guardians) {

	public Registration {
		zoneSchoolCodes = List.copyOf(zoneSchoolCodes);
		guardians = List.copyOf(guardians);
	}

	public record Guardian(int position, String name, GuardianRelation relation, IdCardNumber idNumber, String mobile) {

		public String maskedName() {
			return maskName(name);
		}

		/** 138****5678 */
		public String maskedMobile() {
			return mobile.substring(0, 3) + "****" + mobile.substring(7);
		}

	}

	public AccessPolicy.Scope scope() {
		return new AccessPolicy.Scope(districtCode, null, familyAccount);
	}

	/** 张*明: enough for staff lists, not enough to identify a child. */
	public String maskedChildName() {
		return maskName(childName);
	}

	static String maskName(String name) {
		int[] points = name.codePoints().toArray();
		if (points.length <= 1) {
			return name;
		}
		StringBuilder masked = new StringBuilder().appendCodePoint(points[0]);
		for (int i = 1; i < points.length - 1; i++) {
			masked.append('*');
		}
		if (points.length == 2) {
			return masked.append('*').toString();
		}
		return masked.appendCodePoint(points[points.length - 1]).toString();
	}

	/** The form printed from this registration counts only while it is active (R-P8). */
	public boolean formValid() {
		return status.active() && check == IdentityCheck.VERIFIED;
	}

	public boolean byLottery() {
		return zoneSchoolCodes.size() > 1;
	}

}
