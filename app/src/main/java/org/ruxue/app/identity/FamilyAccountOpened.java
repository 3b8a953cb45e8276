package org.ruxue.app.identity;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/**
 * A member of staff read a family's personal data: every such read goes on the record.
 */
public record FamilyAccountOpened(AccountId id, String purpose, Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "identity.family.opened", "account", id.value().toString(), List.of("R-G5"), null,
				"purpose=" + purpose);
	}

}
