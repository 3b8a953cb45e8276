package org.ruxue.app.registry;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;
import org.ruxue.app.zoning.EntryLevel;

/**
 * The file the student registry imports was downloaded (R-G3): names and full ID numbers
 * of children, so every such read is on the record.
 */
public record EnrollmentsExported(int year, EntryLevel level, String format, int rows,
		Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "registry.handoff.exported", "registry-handoff", year + "-" + level,
				List.of("R-G3", "R-G9"), null, "format=" + format + " rows=" + rows);
	}

}
