package org.ruxue.app.placement;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/** A draw ran with its public entropy, passed the checks and was stored (R-J7). */
public record DrawCompleted(LotteryDraw draw, Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "placement.drawn", "draw", draw.id().toString(), List.of("R-J7", "R-Z4"), null,
				"snapshot=" + draw.snapshotHash() + " entropy=" + draw.entropy() + " seed=" + draw.seed() + " result="
						+ draw.resultHash() + " placed=" + draw.placed() + "/" + draw.students());
	}

}
