package org.ruxue.app.audit;

import java.util.List;

/**
 * What one audit entry says. {@code subjectId} references the record (a registration id,
 * an enrollment year); personal data itself is never copied into the trail.
 * {@code before} and {@code after} are short summaries of the changed fields.
 */
public record AuditRecord(Actor actor, String action, String subjectType, String subjectId, List<String> ruleIds,
		String before, String after) {

	public AuditRecord {
		if (action == null || action.isBlank() || subjectType == null || subjectType.isBlank() || subjectId == null) {
			throw new IllegalArgumentException("An audit record needs an action and a subject");
		}
		ruleIds = List.copyOf(ruleIds);
	}

}
