package org.ruxue.app.registry;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/** A member of staff read a student's record: every such read is on the record. */
public record StudentOpened(String subjectId, String purpose, Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "registry.read", "student", subjectId, List.of("R-G9"), null, purpose);
	}

}
