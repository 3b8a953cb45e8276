package org.ruxue.app.identity;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/**
 * The family accounts of one registry import run were provisioned together (R-G2, R-J1):
 * one entry with the counts for the run, not one per account, since a city's 150,000
 * graduates would otherwise flood the trail; each account's own later events (activation,
 * resets) are on the record one by one as ever.
 */
public record FamilyAccountsProvisioned(String runId, int created, int linked, int unchanged,
		Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "identity.family.provisioned-in-bulk", "registry-import", runId,
				List.of("R-G2", "R-J1"), null, "created=" + created + " linked=" + linked + " unchanged=" + unchanged);
	}

}
