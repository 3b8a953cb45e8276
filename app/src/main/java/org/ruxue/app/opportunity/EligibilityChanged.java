package org.ruxue.app.opportunity;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/** The city changed the eligibility conditions the query shows (R-G1). */
public record EligibilityChanged(Actor by, int version, String before, String after) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "opportunity.eligibility.changed", "opportunity-eligibility",
				Integer.toString(version), List.of("R-G1", "R-J6"), before, after);
	}

}
