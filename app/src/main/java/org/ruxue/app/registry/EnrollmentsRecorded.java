package org.ruxue.app.registry;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;
import org.ruxue.app.zoning.EntryLevel;

/**
 * Enrollments of a year and level were recorded for the hand-off to the student registry
 * (R-G3): one entry per call and year and level with the counts, rather than one per new
 * enrollment; each correction has its own entry ({@link EnrollmentCorrected}).
 */
public record EnrollmentsRecorded(int year, EntryLevel level, int added, int changed, int unchanged,
		Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "registry.handoff.recorded", "registry-handoff", year + "-" + level,
				List.of("R-G3", "R-G9"), null, "added=" + added + " changed=" + changed + " unchanged=" + unchanged);
	}

}
