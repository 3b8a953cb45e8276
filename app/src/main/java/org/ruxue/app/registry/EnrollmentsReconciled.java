package org.ruxue.app.registry;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;
import org.ruxue.app.zoning.EntryLevel;

/**
 * The hand-off of a year and level was compared with what the student registry holds
 * (R-G3), with the counts of each finding.
 */
public record EnrollmentsReconciled(int year, EntryLevel level, int present, int missing, int outdated, int unexpected,
		int notSent, Actor by) implements AuditedEvent {

	static EnrollmentsReconciled of(Reconciliation r, Actor by) {
		return new EnrollmentsReconciled(r.year(), r.level(), r.count(Reconciliation.Finding.PRESENT),
				r.count(Reconciliation.Finding.MISSING), r.count(Reconciliation.Finding.OUTDATED),
				r.count(Reconciliation.Finding.UNEXPECTED), r.count(Reconciliation.Finding.NOT_SENT), by);
	}

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "registry.handoff.reconciled", "registry-handoff", year + "-" + level,
				List.of("R-G3"), null, "present=" + present + " missing=" + missing + " outdated=" + outdated
						+ " unexpected=" + unexpected + " not-sent=" + notSent);
	}

}
