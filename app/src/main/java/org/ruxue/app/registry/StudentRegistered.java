package org.ruxue.app.registry;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/** A student record was created, from the registry or by a district (R-J1, R-J5). */
public record StudentRegistered(String educationId, String districtCode, Student.Origin origin,
		Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "registry.student.registered", "student", educationId,
				List.of((origin == Student.Origin.NEWLY_ARRIVED) ? "R-J5" : "R-J1"), null,
				"district=" + districtCode + " origin=" + origin);
	}

}
