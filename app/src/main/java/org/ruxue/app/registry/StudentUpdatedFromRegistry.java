package org.ruxue.app.registry;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/**
 * A re-import changed a student's record (R-J1): which fields changed, by their column
 * keys, with the version, the school and the district before and after; never the values
 * of personal fields. A record the family had confirmed simply takes the new data, its
 * version moving on as with any change.
 */
public record StudentUpdatedFromRegistry(String educationId, int version, String schoolBefore, String schoolAfter,
		String districtBefore, String districtAfter, List<String> changedFields, String importId,
		Actor by) implements AuditedEvent {

	public StudentUpdatedFromRegistry {
		changedFields = List.copyOf(changedFields);
	}

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "registry.student.updated", "student", educationId, List.of("R-J1", "R-G9"),
				"version=" + version + " school=" + schoolBefore + " district=" + districtBefore,
				"version=" + (version + 1) + " school=" + schoolAfter + " district=" + districtAfter + " changed="
						+ String.join(",", changedFields) + " import=" + importId);
	}

}
