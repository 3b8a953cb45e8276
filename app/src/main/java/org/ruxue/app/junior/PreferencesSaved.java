package org.ruxue.app.junior;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;
import org.ruxue.app.notification.NotifyingEvent;
import org.ruxue.app.notification.OutgoingMessage;

/**
 * A family saved a version of its preferences (R-J7): on the record with the school codes
 * chosen, and the family gets its receipt's lottery id in its inbox and by SMS.
 *
 * @param mobile the family's registered mobile, or null
 * @param inbox the family account's username
 */
public record PreferencesSaved(String educationId, int year, int version, String lotteryId, String choices, Actor by,
		String mobile, String inbox) implements AuditedEvent, NotifyingEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "junior.preferences.saved", "student", educationId, List.of("R-J7"), null,
				"year=" + year + " version=" + version + " lottery=" + lotteryId + " choices=" + choices);
	}

	@Override
	public List<OutgoingMessage> messages() {
		if (inbox == null && mobile == null) {
			return List.of();
		}
		return List.of(new OutgoingMessage(mobile, inbox, "junior.sms.preferences-saved",
				List.of(Integer.toString(version), lotteryId)));
	}

}
