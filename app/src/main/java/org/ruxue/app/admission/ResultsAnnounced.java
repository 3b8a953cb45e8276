package org.ruxue.app.admission;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;
import org.ruxue.app.notification.NotifyingEvent;
import org.ruxue.app.notification.OutgoingMessage;

/**
 * A published result was announced (R-G8): one message per family, in the inbox and by
 * SMS, and one entry on the record for the whole announcement.
 */
record ResultsAnnounced(String drawId, int placed, int unplaced, List<OutgoingMessage> messages,
		Actor by) implements AuditedEvent, NotifyingEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "admission.announced", "draw", drawId, List.of("R-G8", "R-G9"), null,
				"placed=" + placed + " unplaced=" + unplaced + " messages=" + messages.size());
	}

}
