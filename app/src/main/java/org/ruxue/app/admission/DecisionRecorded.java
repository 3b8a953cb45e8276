package org.ruxue.app.admission;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;
import org.ruxue.app.notification.NotifyingEvent;
import org.ruxue.app.notification.OutgoingMessage;

/**
 * A correction or a district's allocation after a published result, told to the family.
 */
public record DecisionRecorded(Decision decision, String schoolName, Actor by, String mobile,
		String inbox) implements AuditedEvent, NotifyingEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "admission." + decision.kind().name().toLowerCase(java.util.Locale.ROOT),
				"draw-entrant", decision.drawId() + "/" + decision.lotteryId(), List.of("R-G8", "R-Z4", "R-G9"), null,
				"school=" + decision.schoolCode() + " reason=" + decision.reason());
	}

	@Override
	public List<OutgoingMessage> messages() {
		if (mobile == null && inbox == null) {
			return List.of();
		}
		String key = (decision.schoolCode() == null) ? "admission.sms.correction-none"
				: "admission.sms." + decision.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		return List.of(new OutgoingMessage(mobile, inbox, key,
				List.of((schoolName != null) ? schoolName : "-", decision.lotteryId())));
	}

}
