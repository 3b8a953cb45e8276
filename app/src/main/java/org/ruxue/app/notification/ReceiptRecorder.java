package org.ruxue.app.notification;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes SMPP delivery receipts to the outbox, off the SMPP session's thread. A receipt
 * can overtake the worker's "sent" (a fast SMSC answers within milliseconds), so an
 * unmatched one is tried again a few times, 1 s, 2 s, 4 s … apart, before it is given up.
 */
class ReceiptRecorder implements SmppSmsGateway.DeliveryReceipts {

	private static final Logger log = LoggerFactory.getLogger(ReceiptRecorder.class);

	private static final int ATTEMPTS = 5;

	private final Outbox outbox;

	private final Clock clock;

	private final long firstDelayMillis;

	ReceiptRecorder(Outbox outbox, Clock clock) {
		this(outbox, clock, 1000);
	}

	ReceiptRecorder(Outbox outbox, Clock clock, long firstDelayMillis) {
		this.outbox = outbox;
		this.clock = clock;
		this.firstDelayMillis = firstDelayMillis;
	}

	@Override
	public void received(String gatewayMessageId, String state) {
		Thread.ofVirtual().name("smpp-receipt").start(() -> record(gatewayMessageId, state));
	}

	private void record(String gatewayMessageId, String state) {
		try {
			for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
				if (outbox.recordReceipt(gatewayMessageId, state, clock.instant())) {
					return;
				}
				Thread.sleep(firstDelayMillis << attempt);
			}
			log.info("SMPP receipt {} for unknown message {}", state, gatewayMessageId);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("SMPP receipt for {} not recorded: {}", gatewayMessageId, ex.toString());
		}
	}

}
