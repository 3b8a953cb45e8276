package org.ruxue.app.placement;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/**
 * A draw's result is announced (R-G8): from now on it cannot change. Listeners tell the
 * families and hand the admitted students over, in the publishing transaction.
 */
public record DrawPublished(LotteryDraw draw, Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "placement.published", "draw", draw.id().toString(), List.of("R-G8"), null,
				"result=" + draw.resultHash() + " placed=" + draw.placed() + "/" + draw.students());
	}

}
