package org.ruxue.app.notification;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mobile numbers and account names no other test uses: the tests share one database, so
 * each one looks only at its own recipients.
 */
final class Recipients {

	private static final AtomicInteger next = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

	private Recipients() {
	}

	/** A fresh number: 199 and eight digits. */
	static String mobile() {
		return "199" + String.format("%08d", Math.floorMod(next.incrementAndGet() * 7919L, 100_000_000L));
	}

	static String account() {
		return "family-" + Integer.toString(next.incrementAndGet(), 36);
	}

}
