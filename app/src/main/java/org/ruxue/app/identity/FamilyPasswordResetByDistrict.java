package org.ruxue.app.identity;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;
import org.ruxue.app.notification.NotifyingEvent;
import org.ruxue.app.notification.OutgoingMessage;

/**
 * A district officer reset a family's password at the office (R-G5); the family is told,
 * so that a reset they did not ask for does not go unnoticed.
 */
public record FamilyPasswordResetByDistrict(AccountId id, String username, MobileNumber mobile,
		Actor by) implements AuditedEvent, NotifyingEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "identity.family.password-reset-by-district", "account", id.value().toString(),
				List.of("R-G5"), null, "username=" + username);
	}

	@Override
	public List<OutgoingMessage> messages() {
		return List.of(new OutgoingMessage((mobile != null) ? mobile.value() : null, username,
				"notification.password-reset-by-district", List.of()));
	}

}
