package org.ruxue.app.registry;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/**
 * The graduating school corrected a student's basic data (R-J3). The trail names the
 * fields that changed and the versions, never the data itself.
 */
public record StudentCorrected(String educationId, List<String> fields, int fromVersion, int toVersion,
		Actor by) implements AuditedEvent {

	public StudentCorrected {
		fields = List.copyOf(fields);
	}

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "registry.student.corrected", "student", educationId, List.of("R-J3"),
				"version=" + fromVersion + " fields=" + String.join(",", fields),
				"version=" + toVersion + " changed=" + String.join(",", fields));
	}

}
