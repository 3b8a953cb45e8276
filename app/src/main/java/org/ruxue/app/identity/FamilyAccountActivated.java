package org.ruxue.app.identity;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;
import org.ruxue.app.notification.NotifyingEvent;
import org.ruxue.app.notification.OutgoingMessage;

/**
 * A family proved its mobile and set its password (R-G2); the number is now registered.
 */
public record FamilyAccountActivated(AccountId id, String username,
		MobileNumber mobile) implements AuditedEvent, NotifyingEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(new Actor(username, Role.PARENT.name(), null), "identity.family.activated", "account",
				id.value().toString(), List.of("R-G2", "R-G6"), null, "mobile=" + mobile.masked());
	}

	@Override
	public List<OutgoingMessage> messages() {
		return List.of(new OutgoingMessage(mobile.value(), username, "notification.account-activated", List.of()));
	}

}
