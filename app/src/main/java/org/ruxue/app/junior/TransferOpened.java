package org.ruxue.app.junior;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/**
 * A member of staff read transfer applications (one, its printed form, or a list of
 * them): every such read of a child's data is on the record (R-G9).
 *
 * @param subjectType junior-transfer for one application, junior-transfer-list for a list
 */
public record TransferOpened(String subjectType, String subjectId, String purpose, Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "junior.transfer.read", subjectType, subjectId, List.of("R-J4", "R-G9"), null,
				purpose);
	}

}
