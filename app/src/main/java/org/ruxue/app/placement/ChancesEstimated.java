package org.ruxue.app.placement;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/**
 * A chance estimate finished and replaced the district's previous figures: on the record,
 * so that what families were shown can be traced to who asked for it and when.
 */
public record ChancesEstimated(EstimateRun run, Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "placement.estimated", "estimate", run.id().toString(), List.of("R-J7"), null,
				"year=" + run.year() + " district=" + run.districtCode() + " runs=" + run.runs() + " students="
						+ run.students() + " seats=" + run.seats() + " applicants-per-seat=" + run.applicantsPerSeat());
	}

}
