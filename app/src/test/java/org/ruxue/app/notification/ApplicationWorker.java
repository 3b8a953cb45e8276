package org.ruxue.app.notification;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application's own scheduled worker, as the tests see it. Tests drain messages dated
 * years after the test clock with workers of their own; such a drain also takes whatever
 * is due earlier. Waiting until the application's worker has sent everything due at the
 * test clock first keeps other tests' messages out of it.
 */
final class ApplicationWorker {

	private ApplicationWorker() {
	}

	static void awaitIdle(JdbcClient jdbc, Clock clock) {
		for (int i = 0; i < 100 && due(jdbc, clock) > 0; i++) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static long due(JdbcClient jdbc, Clock clock) {
		return jdbc.sql("""
				select count(*) from notification_message
				where sms_status in ('PENDING', 'SENDING') and next_attempt_at <= ?
				""").param(Timestamp.from(clock.instant())).query(Long.class).single();
	}

}
