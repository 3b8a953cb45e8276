package org.ruxue.app.placement;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/** The city froze applications into a snapshot and published its hash (R-J7). */
public record DrawFrozen(LotteryDraw draw, Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "placement.frozen", "draw", draw.id().toString(), List.of("R-J7", "R-Z4"), null,
				"year=" + draw.year() + " level=" + draw.level() + " scope=" + draw.scope() + " snapshot="
						+ draw.snapshotHash() + " students=" + draw.students() + " draw-on=" + draw.drawOn());
	}

}
