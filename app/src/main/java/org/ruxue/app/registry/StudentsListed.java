package org.ruxue.app.registry;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/**
 * A member of staff read a page of a district's student list: names and masked ID numbers
 * of minors, so every such read is on the record (R-G9), with what was asked and how many
 * students it showed.
 */
public record StudentsListed(String districtCode, String query, int page, int shown, Actor by) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "registry.list", "district", districtCode, List.of("R-G9"), null,
				"page=" + page + " shown=" + shown + ((query != null && !query.isBlank()) ? " query=yes" : ""));
	}

}
