package org.ruxue.app.identity;

import java.util.concurrent.atomic.AtomicInteger;

/** Mobile numbers no other test uses, so that per-number limits never meet. */
final class Mobiles {

	private static final AtomicInteger next = new AtomicInteger((int) (System.nanoTime() % 1000) * 1000);

	private Mobiles() {
	}

	static String fresh() {
		return "1390" + String.format("%07d", next.incrementAndGet() % 10_000_000);
	}

}
