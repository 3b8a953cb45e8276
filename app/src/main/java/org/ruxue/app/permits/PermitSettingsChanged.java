package org.ruxue.app.permits;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/** A district changed its required documents or its publication day of a year (R-P15). */
public record PermitSettingsChanged(String districtCode, int year, String what, Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "permits.settings", "permit-settings", districtCode + ":" + year, List.of("R-P15"),
				null, what);
	}

}
