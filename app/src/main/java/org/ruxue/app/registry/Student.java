package org.ruxue.app.registry;

import java.time.LocalDate;

import org.ruxue.app.identity.AccessPolicy;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.MobileNumber;

/**
 * A student entering junior high as staff and the family see them: the ID number only
 * masked. {@code districtCode} is where the student enters junior high; a transfer (R-J4)
 * changes it. {@code version} guards concurrent changes; {@code familyAccount} is the
 * family account signed in with the same education ID.
 */
public record Student(String educationId, String name, String maskedIdNumber, String sex, LocalDate birthDate,
		int entryYear, String schoolCode, String className, String districtCode, String hukouDistrictCode,
		String guardianName, MobileNumber mobile, Origin origin, int version, AccountId familyAccount) {

	public enum Origin {

		/** Handed over by the electronic student registry (R-J1). */
		REGISTRY,

		/** Registered by a district after checking the proof (R-J5). */
		NEWLY_ARRIVED

	}

	/**
	 * Whom the record belongs to: its district, its graduating school and the family
	 * account with its education ID (none until the account is provisioned).
	 */
	public AccessPolicy.Scope scope() {
		return new AccessPolicy.Scope(districtCode, schoolCode, familyAccount);
	}

}
