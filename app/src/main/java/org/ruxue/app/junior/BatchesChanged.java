package org.ruxue.app.junior;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/** The city set a district's batches for a year (R-J7). */
public record BatchesChanged(String districtCode, int year, String before, String after,
		Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "junior.batches.changed", "junior-batch-plan", districtCode + "/" + year,
				List.of("R-J7"), before, after);
	}

}
