package org.ruxue.app.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chain verification for the city administrator's tools (security: /api/v1/admin/** is
 * CITY_ADMIN).
 */
@RestController
class AuditApi {

	private final AuditTrail trail;

	AuditApi(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/api/v1/admin/audit/verification")
	ChainVerification verification() {
		return trail.verify();
	}

}
