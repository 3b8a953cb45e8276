package org.ruxue.app.notification;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/** The city administrator sent a failed text on its way again (R-G6). */
public record MessageRetried(long messageId, String templateKey, Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "notification.retried", "notification-message", Long.toString(messageId),
				List.of("R-G6"), "FAILED " + templateKey, "PENDING " + templateKey);
	}

}
