package org.ruxue.app.opportunity;

import java.util.List;
import java.util.UUID;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/**
 * The city confirmed an import of opportunity figures and it was written, in the same
 * transaction as its rows.
 */
public record OpportunityImportWritten(Actor by, UUID importId, String fileName, String fileSha256, int added,
		int changed, int unchanged, int removed) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "opportunity.import.written", "opportunity-import", importId.toString(),
				List.of("R-G1", "R-J6"), null, fileName + " sha256=" + fileSha256 + " added=" + added + " changed="
						+ changed + " unchanged=" + unchanged + " removed=" + removed);
	}

}
