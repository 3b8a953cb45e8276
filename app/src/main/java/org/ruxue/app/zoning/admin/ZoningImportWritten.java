package org.ruxue.app.zoning.admin;

import java.util.List;
import java.util.UUID;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/**
 * A district officer confirmed an import and it was written, in the same transaction as
 * its rows (each of which is on the record as its own change too).
 */
public record ZoningImportWritten(Actor by, UUID importId, String districtCode, String kind, String fileName,
		String fileSha256, int added, int changed, int unchanged) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "zoning.import.written", "zoning-import", importId.toString(),
				List.of("R-P5", "R-Z1", "R-Z4"), null, districtCode + " " + kind + " " + fileName + " sha256="
						+ fileSha256 + " added=" + added + " changed=" + changed + " unchanged=" + unchanged);
	}

}
