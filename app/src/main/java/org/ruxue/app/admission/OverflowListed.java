package org.ruxue.app.admission;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/** A district officer read the list of its children waiting for an allocation. */
record OverflowListed(String districtCode, int children, Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "admission.overflow-listed", "district", districtCode, List.of("R-Z4"), null,
				"children=" + children);
	}

}
