package org.ruxue.app.primary;

import org.ruxue.app.permits.StudyPermitRevoked;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * R-P7: when a district revokes a study permit, the registration that depended on it is
 * flagged to its district, in the revocation's transaction, and the family is told.
 */
@Component
class PermitRevocations {

	private final PrimaryRegistrations registrations;

	PermitRevocations(PrimaryRegistrations registrations) {
		this.registrations = registrations;
	}

	@EventListener
	void on(StudyPermitRevoked revoked) {
		registrations.flagRevokedPermit(revoked.number(), revoked.reason());
	}

}
