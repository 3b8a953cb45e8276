package org.ruxue.app.identity;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/** An account was created; the trail records who created it and in which role. */
public record AccountCreated(AccountId id, String username, Role role, String districtCode, String schoolCode,
		Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		String scope = (districtCode != null) ? " district=" + districtCode : "";
		scope += (schoolCode != null) ? " school=" + schoolCode : "";
		return new AuditRecord(by, "identity.account.created", "account", id.value().toString(), List.of("R-G2"), null,
				"username=" + username + " role=" + role + scope);
	}

}
