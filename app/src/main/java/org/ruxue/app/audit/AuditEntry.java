package org.ruxue.app.audit;

import java.time.Instant;
import java.util.List;

/** One link of the chain, as stored. */
public record AuditEntry(long position, Instant occurredAt, String actor, String actorRole, String onBehalfOf,
		String action, String subjectType, String subjectId, List<String> ruleIds, String before, String after,
		String previousHash, String hash) {

	/** The hash of the chain before its first entry. */
	public static final String GENESIS = "0".repeat(64);

}
