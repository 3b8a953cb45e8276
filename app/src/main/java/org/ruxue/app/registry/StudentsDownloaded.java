package org.ruxue.app.registry;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/**
 * A member of staff downloaded a district's student list (issue 12): names and masked ID
 * numbers of minors leave the platform, so the download is on the record (R-G9) with what
 * was asked and how many students it held.
 */
public record StudentsDownloaded(String districtCode, String query, long rows, Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "registry.download", "district", districtCode, List.of("R-G9"), null,
				"rows=" + rows + ((query != null && !query.isBlank()) ? " query=yes" : ""));
	}

}
