package org.ruxue.app.permits;

import java.util.ArrayList;
import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;
import org.ruxue.app.notification.NotifyingEvent;
import org.ruxue.app.notification.OutgoingMessage;

/**
 * Something happened to a permit application: it goes on the record (R-G9) and, for the
 * steps a family must know of, the family is told in its inbox and by SMS (R-G6). Texts
 * carry the application number and what the family must do, never an ID number. A
 * decision is told when it is released (R-P15), not when it is made.
 *
 * @param action started, details-saved, scan-added, scan-removed, submitted, withdrawn,
 * document-checked, more-requested, approved, rejected (decided), released-approved,
 * released-rejected, revoked
 * @param arguments the message's arguments after the number
 * @param mobile the family's registered mobile, or null
 * @param inbox the family account's username; null when the step is not told
 */
public record PermitApplicationEvent(PermitApplicationId id, String number, String action, ApplicationStatus status,
		String detail, List<String> arguments, Actor by, String mobile,
		String inbox) implements AuditedEvent, NotifyingEvent {

	public PermitApplicationEvent {
		arguments = List.copyOf(arguments);
	}

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "permits." + action, "permit-application", id.toString(), List.of("R-P7", "R-P15"),
				null, "number=" + number + " status=" + status + ((detail != null) ? " " + detail : ""));
	}

	@Override
	public List<OutgoingMessage> messages() {
		if (inbox == null && mobile == null) {
			return List.of();
		}
		List<String> all = new ArrayList<>(List.of(number));
		all.addAll(arguments);
		return List.of(new OutgoingMessage(mobile, inbox, "permits.sms." + action, all));
	}

}
