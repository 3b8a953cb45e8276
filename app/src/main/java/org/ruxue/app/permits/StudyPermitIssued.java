package org.ruxue.app.permits;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/** A district issued a study permit (R-P7). */
public record StudyPermitIssued(String number, String districtCode, int year, Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "permits.issued", "study-permit", number, List.of("R-P7", "R-P15"), null,
				"district=" + districtCode + " year=" + year);
	}

}
