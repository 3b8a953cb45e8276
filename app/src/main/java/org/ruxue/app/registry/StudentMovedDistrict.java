package org.ruxue.app.registry;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/** The student now enters junior high in another district (R-J4 transfer, R-J5). */
public record StudentMovedDistrict(String educationId, String fromDistrict, String toDistrict, String reason,
		Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "registry.student.moved-district", "student", educationId, List.of("R-J4"),
				"district=" + fromDistrict, "district=" + toDistrict);
	}

}
