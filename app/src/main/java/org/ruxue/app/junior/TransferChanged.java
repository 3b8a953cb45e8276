package org.ruxue.app.junior;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;
import org.ruxue.app.notification.NotifyingEvent;
import org.ruxue.app.notification.OutgoingMessage;

/**
 * A step of a transfer application (R-J4) other than the final approval, which is
 * {@link TransferApproved}: started, printed, signed, submitted, withdrawn, approved at
 * the school or the district moved out of, rejected. It goes on the record; a rejection
 * ends the chain and is told to the family and the school.
 *
 * @param action started, printed, signed, submitted, withdrawn, approved-school,
 * approved-out, rejected-school, rejected-out, rejected-in
 * @param told the messages to the family and the school; empty for the steps not told
 */
public record TransferChanged(TransferId id, String number, String educationId, String action, TransferStatus status,
		String detail, Actor by, List<OutgoingMessage> told) implements AuditedEvent, NotifyingEvent {

	public TransferChanged {
		told = List.copyOf(told);
	}

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "junior.transfer." + action, "junior-transfer", id.toString(), List.of("R-J4"), null,
				"number=" + number + " student=" + educationId + " status=" + status
						+ ((detail != null) ? " " + detail : ""));
	}

	@Override
	public List<OutgoingMessage> messages() {
		return told;
	}

}
