package org.ruxue.app.junior;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;
import org.ruxue.app.notification.NotifyingEvent;
import org.ruxue.app.notification.OutgoingMessage;

/**
 * Something happened to a student's basic data in junior entry: it goes on the record
 * (R-G9) and, for the steps a family must act on, the family is told in its inbox and by
 * SMS (R-G6). Neither the trail nor the texts carry the data itself or an ID number.
 *
 * @param action confirmed, error-reported, corrected, data-upheld, newly-arrived
 * @param before a short summary before the change (a version, field names), or null
 * @param after a short summary after the change
 * @param arguments the message's arguments
 * @param mobile the family's registered mobile, or null
 * @param inbox the family account's username; null when the step is not told
 */
public record JuniorDataEvent(String educationId, String action, String before, String after, List<String> arguments,
		Actor by, String mobile, String inbox) implements AuditedEvent, NotifyingEvent {

	public JuniorDataEvent {
		arguments = List.copyOf(arguments);
	}

	@Override
	public AuditRecord auditRecord() {
		List<String> rules = switch (action) {
			case "confirmed" -> List.of("R-J2");
			case "newly-arrived" -> List.of("R-J5");
			default -> List.of("R-J3");
		};
		return new AuditRecord(by, "junior." + action, "student", educationId, rules, before, after);
	}

	@Override
	public List<OutgoingMessage> messages() {
		if (inbox == null && mobile == null) {
			return List.of();
		}
		return List.of(new OutgoingMessage(mobile, inbox, "junior.sms." + action, arguments));
	}

}
