package org.ruxue.app.primary;

import java.util.ArrayList;
import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;
import org.ruxue.app.notification.NotifyingEvent;
import org.ruxue.app.notification.OutgoingMessage;

/**
 * Something happened to a registration: it goes on the record (R-G9) and the family is
 * told in its inbox and by SMS to the registered mobile (R-G6). Messages carry the
 * registration number and the reason, never the child's ID number.
 *
 * @param action what happened: submitted, verified, mismatch, approved, returned,
 * rejected, accepted, cancelled, problem-reported
 * @param mobile the family's registered mobile, or null
 * @param inbox the family account's username, or null when the child has no account
 */
public record RegistrationEvent(RegistrationId id, String number, String action, RegistrationStatus status,
		String reason, List<String> rules, Actor by, String mobile,
		String inbox) implements AuditedEvent, NotifyingEvent {

	public RegistrationEvent {
		rules = List.copyOf(rules);
	}

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "primary." + action, "primary-registration", id.toString(), rules, null,
				"number=" + number + " status=" + status + ((reason != null) ? " reason=" + reason : ""));
	}

	@Override
	public List<OutgoingMessage> messages() {
		if (mobile == null && inbox == null) {
			return List.of();
		}
		List<String> arguments = new ArrayList<>(List.of(number));
		if (reason != null) {
			arguments.add(reason);
		}
		return List.of(new OutgoingMessage(mobile, inbox, "primary.sms." + action, arguments));
	}

}
