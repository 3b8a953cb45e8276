package org.ruxue.app.audit;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trail's facade: it appends every {@link AuditedEvent} in the publisher's
 * transaction, and re-computes the chain on request.
 */
@Service
public class AuditTrail {

	private final AuditEntries entries;

	AuditTrail(AuditEntries entries) {
		this.entries = entries;
	}

	/** Synchronous on purpose: a change whose entry cannot be written must not commit. */
	@EventListener
	@Transactional
	void on(AuditedEvent event) {
		entries.append(event.auditRecord());
	}

	/**
	 * Walks the chain from the first entry: a changed entry no longer matches its hash, a
	 * deleted one leaves a gap in the positions, reordered ones break the predecessor
	 * links.
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		var walk = new ChainWalk();
		entries.forEachInOrder(walk);
		return walk.outcome();
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> latest(int limit) {
		return entries.latest(Math.clamp(limit, 1, 500));
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> about(String subjectType, String subjectId) {
		return entries.about(subjectType, subjectId);
	}

	private static final class ChainWalk implements java.util.function.Consumer<AuditEntry> {

		private long expectedPosition = 1;

		private String previousHash = AuditEntry.GENESIS;

		private long checked;

		private ChainVerification broken;

		@Override
		public void accept(AuditEntry entry) {
			if (broken != null) {
				return;
			}
			if (entry.position() != expectedPosition) {
				broken = new ChainVerification(checked, expectedPosition,
						"entry " + expectedPosition + " is missing (next present: " + entry.position() + ")");
			}
			else if (!entry.previousHash().equals(previousHash)) {
				broken = new ChainVerification(checked, entry.position(),
						"entry " + entry.position() + " does not follow its predecessor (removed or reordered)");
			}
			else if (!ChainHash.of(entry).equals(entry.hash())) {
				broken = new ChainVerification(checked, entry.position(),
						"entry " + entry.position() + " was changed after it was written");
			}
			else {
				checked++;
				expectedPosition++;
				previousHash = entry.hash();
			}
		}

		ChainVerification outcome() {
			return (broken != null) ? broken : ChainVerification.intact(checked);
		}

	}

}
