package org.ruxue.app.registry;

import java.util.List;
import java.util.UUID;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/**
 * An import of the registry's graduates was written (R-J1), in the same transaction as
 * its students: one entry for the run with its counts and the export's SHA-256, rather
 * than one per new student; each new student's path starts with
 * {@code registry.registered.registry}, and each changed student has its own entry
 * ({@link StudentUpdatedFromRegistry}).
 */
public record GraduatesImported(UUID importId, int entryYear, String source, String fileName, String fileSha256,
		int added, int changed, int unchanged, int rowsWithErrors, int accountsProvisioned,
		Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "registry.import.written", "registry-import", importId.toString(),
				List.of("R-J1", "R-G9"), null,
				"year=" + entryYear + " source=" + source + " file=" + fileName + " sha256=" + fileSha256 + " added="
						+ added + " changed=" + changed + " unchanged=" + unchanged + " errors=" + rowsWithErrors
						+ " accounts=" + accountsProvisioned);
	}

}
