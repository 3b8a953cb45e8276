package org.ruxue.app.identity;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/** A family account was created ahead of activation, or its education ID assigned. */
public record FamilyAccountProvisioned(AccountId id, String what, Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "identity.family." + what, "account", id.value().toString(), List.of("R-G2"), null,
				what);
	}

}
