package org.ruxue.app.identity;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/** An account's password was set; all its sessions ended with it. */
public record PasswordChanged(AccountId id, String username, String how, Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "identity.password.changed", "account", id.value().toString(),
				List.of("R-G2", "R-G5"), null, "username=" + username + " how=" + how);
	}

}
