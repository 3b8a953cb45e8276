package org.ruxue.app.registry;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/**
 * A send of a year and level's enrollments to the student registry, with its report
 * (R-G3).
 */
public record EnrollmentsSent(SendReport report, String adapter, Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "registry.handoff.sent", "registry-handoff", report.year() + "-" + report.level(),
				List.of("R-G3"), null,
				"adapter=" + adapter + " batches=" + report.batches() + " sent=" + report.sent() + " acknowledged="
						+ report.acknowledged() + " awaiting=" + report.awaitingAcknowledgement() + " failed="
						+ report.failed() + " still-pending=" + report.stillPending()
						+ ((report.failure() != null) ? " stopped=" + report.failure() : ""));
	}

}
