package org.ruxue.app.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.notification.FakeSmsc.Drop;
import org.ruxue.app.notification.StoredMessage.SmsStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The SMPP adapter against a real SMPP server on a loopback port, and with the outbox
 * worker when that server drops the connection in the middle of a send: nothing is lost,
 * and no handset gets a text twice.
 */
@IntegrationTest
class SmppSmsGatewayTest {

	private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(1), 5);

	@Autowired
	Outbox outbox;

	@Autowired
	MessageTexts texts;

	private FakeSmsc smsc;

	private SmppSmsGateway gateway;

	private final Map<String, String> receipts = new ConcurrentHashMap<>();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@BeforeEach
	void startSmsc() throws Exception {
		ApplicationWorker.awaitIdle(jdbc, clock);
		smsc = new FakeSmsc();
		gateway = new SmppSmsGateway(config(smsc.port()), receipts::put);
	}

	@AfterEach
	void stopSmsc() throws Exception {
		gateway.close();
		smsc.close();
	}

	@Test
	void bindsAndSubmitsChineseInUcs2AskingForAReceipt() throws Exception {
		String mobile = Recipients.mobile();
		String text = "【入学服务平台】您的验证码是 112233，5 分钟内有效。请勿告诉他人。";

		String messageId = gateway.send(new Sms(42, mobile, text));

		assertThat(smsc.binds).hasValue(1);
		assertThat(smsc.submits).singleElement().satisfies(s -> {
			assertThat(s.to()).isEqualTo(mobile);
			assertThat(s.dataCoding()).isEqualTo((byte) 0x08);
			assertThat(s.text()).isEqualTo(text);
			assertThat(s.inPayload()).isFalse();
			assertThat(s.idempotencyKey()).isEqualTo("42");
			assertThat(s.registeredDelivery()).isEqualTo((byte) 0x01);
		});
		for (int i = 0; i < 50 && !receipts.containsKey(messageId); i++) {
			Thread.sleep(100);
		}
		assertThat(receipts).containsEntry(messageId, "DELIVRD");
	}

	@Test
	void recordsTheDeliveryReceiptOnTheMessage() throws Exception {
		Instant due = Instant.parse("2032-03-01T00:00:00Z");
		long id = outbox.add(OutboxWorkerTest.code(Recipients.mobile(), "909090"), due);
		var recorded = new SmppSmsGateway(config(smsc.port()), new ReceiptRecorder(outbox, Clock.systemUTC(), 50));
		try {
			new OutboxWorker(outbox, recorded, texts, BACKOFF, Duration.ofMinutes(5), 20).drain(due);
			for (int i = 0; i < 50 && outbox.byId(id).orElseThrow().receiptStatus() == null; i++) {
				Thread.sleep(100);
			}
		}
		finally {
			recorded.close();
		}

		assertThat(outbox.byId(id).orElseThrow()).satisfies(m -> {
			assertThat(m.smsStatus()).isEqualTo(SmsStatus.SENT);
			assertThat(m.receiptStatus()).isEqualTo("DELIVRD");
		});
	}

	@Test
	void sendsALongTextInMessagePayload() throws Exception {
		String text = "【入学服务平台】" + "您的入学申请有新进展，请登录平台查看详情。".repeat(6);

		gateway.send(new Sms(43, Recipients.mobile(), text));

		assertThat(smsc.submits).singleElement().satisfies(s -> {
			assertThat(s.inPayload()).isTrue();
			assertThat(s.text()).isEqualTo(text);
		});
	}

	@Test
	void splitsALongTextIntoConcatenatedSegmentsWhenConfigured() throws Exception {
		var c = config(smsc.port());
		var splitting = new SmppSmsGateway(new NotificationProperties.Smpp(c.host(), c.port(), c.systemId(),
				c.password(), c.systemType(), c.sourceAddress(), c.responseTimeout(), c.enquireLinkInterval(),
				c.initialReconnectDelay(), c.maxReconnectDelay(), SmppSmsGateway.LongTexts.SPLIT), receipts::put);
		String text = "【入学服务平台】" + "您的入学申请有新进展，请登录平台查看详情。".repeat(7);
		try {
			splitting.send(new Sms(46, Recipients.mobile(), text));
		}
		finally {
			splitting.close();
		}

		assertThat(smsc.submits).hasSize(3).allSatisfy(s -> {
			assertThat(s.segments()).isEqualTo(3);
			assertThat(s.shortMessageOctets()).isLessThanOrEqualTo(140);
			assertThat(s.dataCoding()).isEqualTo((byte) 0x08);
		});
		assertThat(smsc.submits).extracting(FakeSmsc.Submitted::idempotencyKey).containsExactly("46/1", "46/2", "46/3");
		assertThat(String.join("", smsc.submits.stream().map(FakeSmsc.Submitted::text).toList())).isEqualTo(text);
	}

	@Test
	void neverSplitsASurrogatePair() {
		String text = "a".repeat(66) + "😀" + "b";
		assertThat(SmppSmsGateway.segments(text)).containsExactly("a".repeat(66), "😀b");
	}

	@Test
	void rebindsOnTheNextSendAfterTheConnectionDropped() throws Exception {
		String dropped = Recipients.mobile();
		smsc.dropOnFirstSubmitTo(dropped, Drop.BEFORE_ACCEPTING);

		assertThatExceptionOfType(SmsNotSentException.class).isThrownBy(() -> gateway.send(new Sms(44, dropped, "第一次")))
			.matches(ex -> !ex.isPermanent());
		gateway.send(new Sms(44, dropped, "第一次"));

		assertThat(smsc.binds).hasValue(2);
		assertThat(smsc.handsetCount(dropped)).isEqualTo(1);
	}

	@Test
	void backsOffWhileTheServerIsAway() throws Exception {
		var away = new SmppSmsGateway(config(1), receipts::put);
		try {
			assertThatExceptionOfType(SmsNotSentException.class)
				.isThrownBy(() -> away.send(new Sms(45, Recipients.mobile(), "无人接听")))
				.withMessageContaining("bind failed");
			assertThatExceptionOfType(SmsNotSentException.class)
				.isThrownBy(() -> away.send(new Sms(45, Recipients.mobile(), "无人接听")))
				.withMessageContaining("reconnecting in");
		}
		finally {
			away.close();
		}
	}

	@Test
	void aConnectionDroppedBeforeTheServerTookTheTextLosesNothing() throws Exception {
		deliversEverythingOnceDespiteADropIn(Drop.BEFORE_ACCEPTING, Instant.parse("2032-01-01T00:00:00Z"));
	}

	@Test
	void aConnectionDroppedAfterTheServerTookTheTextSendsNothingTwice() throws Exception {
		deliversEverythingOnceDespiteADropIn(Drop.AFTER_ACCEPTING, Instant.parse("2032-02-01T00:00:00Z"));
	}

	private void deliversEverythingOnceDespiteADropIn(Drop drop, Instant due) throws Exception {
		List<String> mobiles = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String mobile = Recipients.mobile();
			mobiles.add(mobile);
			ids.add(outbox.add(OutboxWorkerTest.code(mobile, "80000" + i), due));
		}
		String unlucky = mobiles.get(4);
		smsc.dropOnFirstSubmitTo(unlucky, drop);
		var worker = new OutboxWorker(outbox, gateway, texts, BACKOFF, Duration.ofMinutes(5), 20);

		worker.drain(due);
		StoredMessage afterDrop = outbox.byId(ids.get(4)).orElseThrow();
		assertThat(afterDrop.smsStatus()).isEqualTo(SmsStatus.PENDING);
		assertThat(afterDrop.nextAttemptAt()).isEqualTo(due.plusSeconds(10));
		worker.drain(due.plusSeconds(10));

		for (int i = 0; i < ids.size(); i++) {
			assertThat(outbox.byId(ids.get(i)).orElseThrow().smsStatus()).isEqualTo(SmsStatus.SENT);
			assertThat(smsc.handsetCount(mobiles.get(i))).as("texts to %s", mobiles.get(i)).isEqualTo(1);
		}
		assertThat(smsc.submitCount(unlucky)).isEqualTo(2);
		assertThat(smsc.binds.get()).isGreaterThanOrEqualTo(2);
	}

	private static NotificationProperties.Smpp config(int port) {
		return new NotificationProperties.Smpp("127.0.0.1", port, "ruxue", "secret", "", "10690000",
				Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(1),
				SmppSmsGateway.LongTexts.PAYLOAD);
	}

}
