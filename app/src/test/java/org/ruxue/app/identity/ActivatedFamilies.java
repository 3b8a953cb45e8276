package org.ruxue.app.identity;

import org.springframework.stereotype.Component;

/**
 * For other modules' browser tests: an activated family account without the SMS round
 * trip, which {@code IdentityBrowserTest} walks for real.
 */
@Component
public class ActivatedFamilies {

	private final FamilyAccounts families;

	ActivatedFamilies(FamilyAccounts families) {
		this.families = families;
	}

	public void activate(AccountId id, String mobile, String password) {
		families.activateWithoutCode(id, new MobileNumber(mobile), password);
	}

}
