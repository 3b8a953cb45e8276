package org.ruxue.app.identity;

import java.util.Objects;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see which records, for the web and the API alike: a parent only their own
 * child's, school staff their school's, a district officer their district's, the city
 * everything. Every facade that reads or changes a record asks here; nothing else
 * decides.
 */
@Component
public class AccessPolicy {

	/**
	 * What a record belongs to.
	 *
	 * @param family the family account the record is about, or null
	 */
	public record Scope(String districtCode, String schoolCode, AccountId family) {

	}

	public boolean permits(SignedIn who, Scope scope) {
		if (who == null) {
			return false;
		}
		return switch (who.role()) {
			case CITY_ADMIN -> true;
			case DISTRICT_OFFICER -> who.districtCode() != null && who.districtCode().equals(scope.districtCode());
			case SCHOOL_STAFF -> who.schoolCode() != null && who.schoolCode().equals(scope.schoolCode());
			case PARENT -> scope.family() != null && Objects.equals(who.id(), scope.family());
		};
	}

	/**
	 * @throws AccessDeniedException (403) when the policy does not permit
	 */
	public void require(SignedIn who, Scope scope) {
		if (!permits(who, scope)) {
			throw new AccessDeniedException("Not within the account's scope");
		}
	}

}
