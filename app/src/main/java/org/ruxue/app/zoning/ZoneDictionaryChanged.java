package org.ruxue.app.zoning;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/**
 * A district officer (or the demo, or an import) saved or deleted a school, a zone or an
 * address mapping, or changed a district's lookup settings. Every node's lookup rebuilds
 * its index after it (R-Z1).
 *
 * @param subjectType school, service-zone, zone-address or zoning-district
 * @param subjectId e.g. 110105/2017/PRIMARY/华纺易城
 * @param change saved or deleted
 * @param before what was there, or null when new
 */
public record ZoneDictionaryChanged(Actor by, String subjectType, String subjectId, String change, String before,
		String after) implements AuditedEvent {

	static ZoneDictionaryChanged saved(Actor by, String subjectType, String subjectId, String before, String after) {
		return new ZoneDictionaryChanged(by, subjectType, subjectId, "saved", before, after);
	}

	static ZoneDictionaryChanged deleted(Actor by, String subjectType, String subjectId, String before) {
		return new ZoneDictionaryChanged(by, subjectType, subjectId, "deleted", before, null);
	}

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "zoning." + subjectType + "." + change, subjectType, subjectId,
				List.of("R-P5", "R-Z1", "R-Z4"), before, after);
	}

}
