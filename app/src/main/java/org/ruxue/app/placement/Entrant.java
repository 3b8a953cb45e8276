package org.ruxue.app.placement;

import org.ruxue.app.primary.RegistrationId;

/**
 * Who is behind a pseudonymous lottery id of a draw: a junior-high student (by education
 * ID) or a primary registration. Private to the platform; the published files carry the
 * lottery id only.
 *
 * @param category the priority category a primary registration's tier came from, or null
 */
public record Entrant(String lotteryId, String districtCode, String educationId, RegistrationId registrationId,
		String category) {

}
