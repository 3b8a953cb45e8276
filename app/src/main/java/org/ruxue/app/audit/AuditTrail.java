package org.ruxue.app.audit;

import java.util.List;
import java.util.Objects;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trail's facade: it stages every {@link AuditedEvent} in the publisher's
 * transaction, chains the committed ones shortly after, and re-computes the chain on
 * request.
 */
@Service
public class AuditTrail {

	/** Entries chained per transaction, at most. */
	static final int SEAL_BATCH = 1_000;

	private final AuditEntries entries;

	private final TransactionTemplate ownTransaction;

	AuditTrail(AuditEntries entries, PlatformTransactionManager transactions) {
		this.entries = entries;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Synchronous on purpose: a change whose entry cannot be written must not commit. The
	 * entry is staged in the publisher's transaction, without a lock, and chained by
	 * {@link #seal} once that transaction has committed.
	 */
	@EventListener
	@Transactional
	void on(AuditedEvent event) {
		entries.stage(event.auditRecord());
	}

	/**
	 * Chains every committed staged entry onto the trail, in batches, each batch in a
	 * transaction of its own. Runs every {@code ruxue.audit.seal-interval-ms} on every
	 * node (the chain's lock takes them in turn) and before every read of the trail, so a
	 * reader sees every entry committed before it asked.
	 * @return how many entries were chained
	 */
	public int seal() {
		int sealed = 0;
		int batch;
		do {
			batch = Objects.requireNonNull(ownTransaction.execute(tx -> entries.sealBatch(SEAL_BATCH)));
			sealed += batch;
		}
		while (batch == SEAL_BATCH);
		return sealed;
	}

	@Scheduled(fixedDelayString = "${ruxue.audit.seal-interval-ms:200}")
	void sealRegularly() {
		seal();
	}

	/**
	 * Walks the chain from the first entry: a changed entry no longer matches its hash, a
	 * deleted one leaves a gap in the positions, reordered ones break the predecessor
	 * links.
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		seal();
		var walk = new ChainWalk();
		entries.forEachInOrder(walk);
		return walk.outcome();
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> latest(int limit) {
		seal();
		return entries.latest(Math.clamp(limit, 1, 500));
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> about(String subjectType, String subjectId) {
		seal();
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
