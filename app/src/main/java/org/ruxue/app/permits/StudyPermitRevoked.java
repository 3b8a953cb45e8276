package org.ruxue.app.permits;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/**
 * A district revoked a study permit: a registration that depended on it is flagged to the
 * district (R-P7).
 */
public record StudyPermitRevoked(String number, String districtCode, int year, String reason,
		Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "permits.revoked", "study-permit", number, List.of("R-P7"), "valid",
				"revoked: " + reason);
	}

}
