package org.ruxue.app.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.notification.StoredMessage.SmsStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker over the real outbox. Each test's messages fall due years after the test
 * clock (2017), so the application's own scheduled worker never touches them; each test
 * drains them itself with workers of its own.
 */
@IntegrationTest
class OutboxWorkerTest {

	private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(40), 4);

	private static final Duration LEASE = Duration.ofMinutes(5);

	@Autowired
	Outbox outbox;

	@Autowired
	MessageTexts texts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@BeforeEach
	void letTheApplicationsWorkerFinish() {
		ApplicationWorker.awaitIdle(jdbc, clock);
	}

	@Test
	void twoWorkersDrainingTheSameOutboxSendEveryMessageExactlyOnce() throws Exception {
		Instant due = Instant.parse("2031-03-01T00:00:00Z");
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			ids.add(outbox.add(code(Recipients.mobile(), "1" + i), due));
		}
		var first = new CountingGateway();
		var second = new CountingGateway();
		var start = new CountDownLatch(1);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> drained = new ArrayList<>();
			for (var gateway : List.of(first, second)) {
				var worker = new OutboxWorker(outbox, gateway, texts, BACKOFF, LEASE, 5);
				drained.add(nodes.submit(() -> {
					start.await();
					int total = 0;
					for (int round = 0; round < 100; round++) {
						int n = worker.drain(due);
						total += n;
						if (n == 0) {
							break;
						}
					}
					return total;
				}));
			}
			start.countDown();
			for (var result : drained) {
				result.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			nodes.shutdownNow();
		}
		for (long id : ids) {
			int sends = first.sends(id) + second.sends(id);
			assertThat(sends).as("sends of message %d", id).isEqualTo(1);
			StoredMessage stored = outbox.byId(id).orElseThrow();
			assertThat(stored.smsStatus()).isEqualTo(SmsStatus.SENT);
			assertThat(stored.attempts()).isEqualTo(1);
			assertThat(stored.gatewayMessageId()).startsWith("counted-");
		}
		assertThat(first.total()).as("both nodes did work").isPositive();
		assertThat(second.total()).as("both nodes did work").isPositive();
	}

	@Test
	void retriesWithExponentialBackoffThenFailsForTheAdministrator() {
		Instant due = Instant.parse("2030-01-01T00:00:00Z");
		long id = outbox.add(code(Recipients.mobile(), "4321"), due);
		var worker = new OutboxWorker(outbox, failing(sms -> SmsNotSentException.temporary("gateway down", null)),
				texts, BACKOFF, LEASE, 20);

		worker.drain(due);
		assertThat(outbox.byId(id).orElseThrow()).satisfies(m -> {
			assertThat(m.smsStatus()).isEqualTo(SmsStatus.PENDING);
			assertThat(m.attempts()).isEqualTo(1);
			assertThat(m.nextAttemptAt()).isEqualTo(due.plusSeconds(10));
			assertThat(m.lastError()).isEqualTo("gateway down");
		});
		worker.drain(due.plusSeconds(9));
		assertThat(outbox.byId(id).orElseThrow().attempts()).as("not yet due").isEqualTo(1);

		worker.drain(due.plusSeconds(10));
		assertThat(outbox.byId(id).orElseThrow().nextAttemptAt()).isEqualTo(due.plusSeconds(10 + 20));
		worker.drain(due.plusSeconds(30));
		assertThat(outbox.byId(id).orElseThrow().nextAttemptAt()).isEqualTo(due.plusSeconds(30 + 40));
		worker.drain(due.plusSeconds(70));
		assertThat(outbox.byId(id).orElseThrow()).satisfies(m -> {
			assertThat(m.smsStatus()).isEqualTo(SmsStatus.FAILED);
			assertThat(m.attempts()).isEqualTo(4);
		});
		assertThat(outbox.failures(500)).extracting(StoredMessage::id).contains(id);
	}

	@Test
	void sendsOnALaterAttemptWhenTheGatewayRecovers() {
		Instant due = Instant.parse("2030-02-01T00:00:00Z");
		long id = outbox.add(code(Recipients.mobile(), "5555"), due);
		var down = new OutboxWorker(outbox, failing(sms -> SmsNotSentException.temporary("timeout", null)), texts,
				BACKOFF, LEASE, 20);
		var gateway = new CountingGateway();
		var up = new OutboxWorker(outbox, gateway, texts, BACKOFF, LEASE, 20);

		down.drain(due);
		up.drain(due.plusSeconds(10));

		assertThat(outbox.byId(id).orElseThrow()).satisfies(m -> {
			assertThat(m.smsStatus()).isEqualTo(SmsStatus.SENT);
			assertThat(m.attempts()).isEqualTo(2);
			assertThat(m.sentAt()).isEqualTo(due.plusSeconds(10));
		});
		assertThat(gateway.texts.get(id)).containsExactly("【入学服务平台】您的验证码是 5555，5 分钟内有效。请勿告诉他人。");
	}

	@Test
	void failsAtOnceWhenTheGatewayRefusesForGood() {
		Instant due = Instant.parse("2030-03-01T00:00:00Z");
		long id = outbox.add(code(Recipients.mobile(), "6666"), due);
		new OutboxWorker(outbox, failing(sms -> SmsNotSentException.permanent("invalid number")), texts, BACKOFF, LEASE,
				20)
			.drain(due);

		assertThat(outbox.byId(id).orElseThrow()).satisfies(m -> {
			assertThat(m.smsStatus()).isEqualTo(SmsStatus.FAILED);
			assertThat(m.attempts()).isEqualTo(1);
			assertThat(m.lastError()).isEqualTo("invalid number");
		});
	}

	@Test
	void neverSendsATextWithoutATemplate() {
		Instant due = Instant.parse("2030-04-01T00:00:00Z");
		long id = outbox.add(new OutgoingMessage(Recipients.mobile(), null, "notification.no-such-template", List.of()),
				due);
		var gateway = new CountingGateway();
		new OutboxWorker(outbox, gateway, texts, BACKOFF, LEASE, 20).drain(due);

		assertThat(gateway.sends(id)).isZero();
		assertThat(outbox.byId(id).orElseThrow().smsStatus()).isEqualTo(SmsStatus.FAILED);
	}

	@Test
	void takesOverAMessageWhoseWorkerDiedMidSend() {
		Instant due = Instant.parse("2030-05-01T00:00:00Z");
		long id = outbox.add(code(Recipients.mobile(), "7777"), due);
		// a node claims the message, then dies before recording anything
		List<StoredMessage> claimedByTheDeadNode = outbox.claimDue(due, LEASE, 1000);
		StoredMessage dead = claimedByTheDeadNode.stream().filter(m -> m.id() == id).findFirst().orElseThrow();
		var gateway = new CountingGateway();
		var survivor = new OutboxWorker(outbox, gateway, texts, BACKOFF, LEASE, 20);

		survivor.drain(due.plus(LEASE).minusSeconds(1));
		assertThat(gateway.sends(id)).as("still leased").isZero();
		survivor.drain(due.plus(LEASE));
		assertThat(gateway.sends(id)).isEqualTo(1);
		assertThat(outbox.markSent(dead, "late", due.plus(LEASE))).as("the dead node's claim is void").isFalse();
		assertThat(outbox.byId(id).orElseThrow().attempts()).isEqualTo(2);
	}

	@Test
	void leavesInboxOnlyMessagesAlone() {
		Instant due = Instant.parse("2030-06-01T00:00:00Z");
		long id = outbox
			.add(new OutgoingMessage(null, Recipients.account(), "notification.stage-notice", List.of("小学入学登记")), due);
		var gateway = new CountingGateway();
		new OutboxWorker(outbox, gateway, texts, BACKOFF, LEASE, 20).drain(due);

		assertThat(gateway.sends(id)).isZero();
		assertThat(outbox.byId(id).orElseThrow().smsStatus()).isEqualTo(SmsStatus.NONE);
	}

	static OutgoingMessage code(String mobile, String code) {
		return new OutgoingMessage(mobile, null, "notification.sms.code", List.of(code, "5"));
	}

	private static SmsGateway failing(Function<Sms, SmsNotSentException> failure) {
		return sms -> {
			throw failure.apply(sms);
		};
	}

	/**
	 * A gateway that counts what it is given, slowly enough for the workers to overlap.
	 */
	static final class CountingGateway implements SmsGateway {

		final Map<Long, Queue<String>> texts = new ConcurrentHashMap<>();

		@Override
		public String send(Sms sms) {
			texts.computeIfAbsent(sms.id(), id -> new ConcurrentLinkedQueue<>()).add(sms.text());
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "counted-" + sms.id();
		}

		int sends(long id) {
			return texts.getOrDefault(id, new ConcurrentLinkedQueue<>()).size();
		}

		int total() {
			return texts.values().stream().mapToInt(Queue::size).sum();
		}

	}

}
