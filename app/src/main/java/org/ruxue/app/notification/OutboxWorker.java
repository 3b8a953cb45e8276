package org.ruxue.app.notification;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.NoSuchMessageException;

/**
 * Delivers due SMS from the outbox: claims a batch, hands each text to the gateway and
 * records the outcome, with exponential backoff between attempts. Any number of workers
 * (threads or nodes) may drain the same outbox; a claim is never shared.
 */
class OutboxWorker {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

	/** Bounds one drain, so that a tick ends even while messages keep arriving. */
	private static final int MAX_BATCHES = 50;

	private final Outbox outbox;

	private final SmsGateway gateway;

	private final MessageTexts texts;

	private final Backoff backoff;

	private final Duration lease;

	private final int batchSize;

	OutboxWorker(Outbox outbox, SmsGateway gateway, MessageTexts texts, Backoff backoff, Duration lease,
			int batchSize) {
		this.outbox = outbox;
		this.gateway = gateway;
		this.texts = texts;
		this.backoff = backoff;
		this.lease = lease;
		this.batchSize = batchSize;
	}

	/** Delivers what is due at {@code now}; returns how many messages it attempted. */
	int drain(Instant now) {
		int attempted = 0;
		for (int batch = 0; batch < MAX_BATCHES; batch++) {
			var claimed = outbox.claimDue(now, lease, batchSize);
			if (claimed.isEmpty()) {
				break;
			}
			for (StoredMessage message : claimed) {
				deliver(message, now);
				attempted++;
			}
		}
		return attempted;
	}

	private void deliver(StoredMessage message, Instant now) {
		String text;
		try {
			text = texts.sms(message);
		}
		catch (NoSuchMessageException ex) {
			notSent(message, SmsNotSentException.permanent("unknown template " + message.templateKey()), now);
			return;
		}
		String gatewayMessageId;
		try {
			gatewayMessageId = gateway.send(new Sms(message.id(), message.mobile(), text));
		}
		catch (SmsNotSentException ex) {
			notSent(message, ex, now);
			return;
		}
		catch (RuntimeException ex) {
			notSent(message, SmsNotSentException.temporary(ex.toString(), ex), now);
			return;
		}
		if (!outbox.markSent(message, gatewayMessageId, now)) {
			// the lease ran out during the send and another worker took the message over
			log.warn("Message {} was sent, but its claim had expired; it may be sent again", message.id());
		}
	}

	private void notSent(StoredMessage message, SmsNotSentException ex, Instant now) {
		boolean givingUp = ex.isPermanent() || backoff.exhausted(message.attempts());
		Instant next = givingUp ? null : now.plus(backoff.after(message.attempts()));
		log.info("Message {} not sent (attempt {}, {}): {}", message.id(), message.attempts(),
				givingUp ? "failed" : "retry at " + next, ex.getMessage());
		outbox.markNotSent(message, ex.getMessage(), next);
	}

}
