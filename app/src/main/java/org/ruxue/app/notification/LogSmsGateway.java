package org.ruxue.app.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo gateway: texts go to the log, and the last few stay in memory for the
 * developer page /dev/sms, where a tester reads the sign-in codes. Never for production:
 * the codes are in the clear.
 */
class LogSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(LogSmsGateway.class);

	private final int keep;

	private final Clock clock;

	private final Deque<Sent> recent = new ArrayDeque<>();

	private long sequence;

	LogSmsGateway(int keep, Clock clock) {
		this.keep = Math.max(1, keep);
		this.clock = clock;
	}

	@Override
	public synchronized String send(Sms sms) {
		String gatewayId = "log-" + (++sequence);
		log.info("SMS {} to {}: {}", sms.id(), sms.to(), sms.text());
		recent.addFirst(new Sent(sms.id(), sms.to(), sms.text(), clock.instant()));
		while (recent.size() > keep) {
			recent.removeLast();
		}
		return gatewayId;
	}

	/** Newest first. */
	synchronized List<Sent> recent() {
		return List.copyOf(recent);
	}

	record Sent(long id, String to, String text, Instant at) {

	}

}
