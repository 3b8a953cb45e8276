package org.ruxue.app.primary;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/** A member of staff read a child's registration: every such read is on the record. */
public record RegistrationOpened(String subjectId, String purpose, Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "primary.read", "primary-registration", subjectId, List.of("R-G9"), null, purpose);
	}

}
