package org.ruxue.app.permits;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/**
 * A member of staff read a permit application, its queue or one of its scans: every such
 * read is on the record (R-G9).
 *
 * @param subjectType permit-application or permit-scan
 */
public record PermitApplicationOpened(String subjectType, String subjectId, String purpose,
		Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "permits.read", subjectType, subjectId, List.of("R-G9"), null, purpose);
	}

}
