package org.ruxue.app.audit;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

	/**
	 * Synchronous on purpose: a change whose entry cannot be written must not commit. The
	 * entry is appended at the end of the publisher's transaction, just before it
	 * commits: appending serialises on the chain's lock until the commit, so the lock is
	 * held for the append and the commit only, not for the rest of the publisher's work.
	 */
	@EventListener
	@Transactional
	void on(AuditedEvent event) {
		pendingInThisTransaction().add(event.auditRecord());
	}

	/**
	 * The records of the current transaction, found among its synchronizations, which a
	 * suspended transaction (REQUIRES_NEW) does not share with the one it waits for.
	 */
	private List<AuditRecord> pendingInThisTransaction() {
		for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
			if (s instanceof PendingAppends pending && pending.trail() == this) {
				return pending.records();
			}
		}
		PendingAppends pending = new PendingAppends(this, new ArrayList<>());
		TransactionSynchronizationManager.registerSynchronization(pending);
		return pending.records();
	}

	private record PendingAppends(AuditTrail trail, List<AuditRecord> records) implements TransactionSynchronization {

		@Override
		public void beforeCommit(boolean readOnly) {
			// by index: appending may not publish more, but a listener of the same
			// transaction may still add records before this runs
			for (int i = 0; i < records.size(); i++) {
				trail.entries.append(records.get(i));
			}
		}

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
