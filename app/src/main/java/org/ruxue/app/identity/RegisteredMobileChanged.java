package org.ruxue.app.identity;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;
import org.ruxue.app.notification.NotifyingEvent;
import org.ruxue.app.notification.OutgoingMessage;

/**
 * The registered mobile changed (R-G6), by the family after proving the old number or at
 * the district office; the old number is told, with the new one masked.
 */
public record RegisteredMobileChanged(AccountId id, String username, MobileNumber from, MobileNumber to, String how,
		Actor by) implements AuditedEvent, NotifyingEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "identity.family.mobile-changed", "account", id.value().toString(), List.of("R-G6"),
				null, "from=" + ((from != null) ? from.masked() : "-") + " to=" + to.masked() + " how=" + how);
	}

	@Override
	public List<OutgoingMessage> messages() {
		return List.of(new OutgoingMessage((from != null) ? from.value() : null, username,
				"notification.mobile-changed", List.of(to.masked())));
	}

}
