package org.ruxue.app.calendar;

import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditRecord;
import org.ruxue.app.audit.AuditedEvent;

/** The city administrator created or changed an enrollment year's dates or rules. */
public record EnrollmentYearChanged(int year, Actor by, String before, String after) implements AuditedEvent {

	@Override
	public AuditRecord auditRecord() {
		return new AuditRecord(by, "calendar.year.changed", "enrollment-year", Integer.toString(year),
				List.of("R-P1", "R-P2", "R-J4", "R-J7", "R-Z4"), before, after);
	}

}
