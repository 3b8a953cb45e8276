package org.ruxue.app.zoning;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/**
 * A district officer (or the demo, or an import) drew a zone, mapped an address or
 * changed a district's lookup settings.
 *
 * @param subjectType service-zone, zone-address or zoning-district
 * @param subjectId e.g. 110105/2017/PRIMARY/华纺易城
 */
public record ZoneDictionaryChanged(Actor by, String subjectType, String subjectId,
		String after) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "zoning." + subjectType + ".saved", subjectType, subjectId,
				List.of("R-P5", "R-Z1", "R-Z4"), null, after);
	}

}
