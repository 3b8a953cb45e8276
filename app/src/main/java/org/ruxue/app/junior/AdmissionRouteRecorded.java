package org.ruxue.app.junior;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;
import org.ruxue.app.notification.NotifyingEvent;
import org.ruxue.app.notification.OutgoingMessage;

/**
 * A district recorded a student's admission outside the draw (R-J7): on the record, and
 * the family is told which school admits the child.
 */
public record AdmissionRouteRecorded(String educationId, int year, RouteKind kind, String schoolCode, String schoolName,
		Actor by, String mobile, String inbox) implements AuditedEvent, NotifyingEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "junior.route.recorded", "student", educationId, List.of("R-J7", "R-G9"), null,
				"year=" + year + " route=" + kind + " school=" + schoolCode);
	}

	@Override
	public List<OutgoingMessage> messages() {
		if (inbox == null && mobile == null) {
			return List.of();
		}
		return List.of(new OutgoingMessage(mobile, inbox, "junior.sms.route." + kind.name(), List.of(schoolName)));
	}

}
