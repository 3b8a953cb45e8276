package org.ruxue.app.zoning;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/**
 * R-Z2: a gated lookup was answered or refused. The trail gets a reference and the
 * outcome, never the names, ID numbers, mobile or address.
 */
public record GatedLookupMade(String reference, String districtCode, int year, String outcome) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(new Actor("public", "PUBLIC", null), "zoning.gated-lookup." + outcome, "gated-lookup",
				reference, List.of("R-Z2"), null, "district=" + districtCode + " year=" + year);
	}

}
