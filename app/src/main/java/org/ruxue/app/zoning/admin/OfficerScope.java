package org.ruxue.app.zoning.admin;

import java.util.List;

import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.AccessPolicy;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which district and year an officer's page is about: a district officer works in their
 * own district, the city administrator in any ({@link AccessPolicy} decides); the year is
 * the one asked for, else the calendar's current year.
 */
@Component
class OfficerScope {

	private final Districts districts;

	private final AccessPolicy policy;

	private final EnrollmentCalendar calendar;

	OfficerScope(Districts districts, AccessPolicy policy, EnrollmentCalendar calendar) {
		this.districts = districts;
		this.policy = policy;
		this.calendar = calendar;
	}

	District district(SignedIn who, String requested) {
		String code = (requested != null && !requested.isBlank()) ? requested.strip()
				: (who.role() == Role.CITY_ADMIN) ? "110101" : who.districtCode();
		require(who, code);
		return districts.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/**
	 * @throws org.springframework.security.access.AccessDeniedException (403)
	 */
	void require(SignedIn who, String districtCode) {
		policy.require(who, new AccessPolicy.Scope(districtCode, null, null));
	}

	List<District> choosable(SignedIn who, District current) {
		return (who.role() == Role.CITY_ADMIN) ? districts.all() : List.of(current);
	}

	int year(Integer requested) {
		if (requested != null && requested >= 2000 && requested <= 2100) {
			return requested;
		}
		return calendar.currentYear().orElse(calendar.today().getYear());
	}

}
