package org.ruxue.app.junior;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;
import org.ruxue.app.notification.NotifyingEvent;
import org.ruxue.app.notification.OutgoingMessage;

/**
 * The district moved into approved the transfer, the last stage of the chain (R-J4): the
 * student now enters junior high there. Published in the transaction that moved the
 * student; the family and the school are told.
 */
public record TransferApproved(TransferId id, String number, String educationId, String fromDistrict, String toDistrict,
		TransferKind kind, Actor by, List<OutgoingMessage> told) implements AuditedEvent, NotifyingEvent {

	public TransferApproved {
		told = List.copyOf(told);
	}

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "junior.transfer.approved-in", "junior-transfer", id.toString(), List.of("R-J4"),
				"district=" + fromDistrict, "district=" + toDistrict + " kind=" + kind + " number=" + number);
	}

	@Override
	public List<OutgoingMessage> messages() {
		return told;
	}

}
