package org.ruxue.app.registry;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;
import org.ruxue.app.zoning.EntryLevel;

/**
 * An enrollment already recorded for the hand-off changed (a correction, R-G9): the new
 * version is sent to the registry again. Which fields changed, by name, with the version,
 * school and method before and after; never the values of personal fields.
 */
public record EnrollmentCorrected(int year, EntryLevel level, String key, int version, String schoolBefore,
		String schoolAfter, String methodBefore, String methodAfter, List<String> changedFields,
		Actor by) implements AuditedEvent {

	public EnrollmentCorrected {
		changedFields = List.copyOf(changedFields);
	}

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "registry.handoff.corrected", "enrollment", year + "-" + level + "-" + key,
				List.of("R-G3", "R-G9"), "version=" + version + " school=" + schoolBefore + " method=" + methodBefore,
				"version=" + (version + 1) + " school=" + schoolAfter + " method=" + methodAfter + " changed="
						+ String.join(",", changedFields));
	}

}
