package org.ruxue.app.notification;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.notification.StoredMessage.SmsStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * R-G6: messages are written in the publisher's transaction (or not at all), and the
 * application's own scheduled worker delivers them through the demo gateway.
 */
@IntegrationTest
class NotificationsTest {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Outbox outbox;

	@Autowired
	LogSmsGateway logGateway;

	@Autowired
	MessageTexts texts;

	record CodeRequested(String mobile, String code) implements NotifyingEvent {

		@Override
		public List<OutgoingMessage> messages() {
			return List.of(new OutgoingMessage(mobile, null, "notification.sms.code", List.of(code, "5")));
		}

	}

	record AccountActivated(String mobile, String username, Locale language) implements NotifyingEvent {

		@Override
		public List<OutgoingMessage> messages() {
			return List.of(new OutgoingMessage(mobile, username, "notification.account-activated", List.of())
				.inLanguage(language));
		}

	}

	@Test
	void writesTheMessagesInThePublishersTransaction() {
		String mobile = Recipients.mobile();
		String username = Recipients.account();
		transactions.executeWithoutResult(tx -> events.publishEvent(new AccountActivated(mobile, username, null)));

		List<StoredMessage> written = outbox.inbox(username, 10);
		assertThat(written).singleElement().satisfies(m -> {
			assertThat(m.mobile()).isEqualTo(mobile);
			assertThat(m.templateKey()).isEqualTo("notification.account-activated");
			assertThat(m.language()).isEqualTo(Locale.forLanguageTag("zh"));
			assertThat(m.createdAt()).isEqualTo(java.time.Instant.parse("2017-05-10T01:00:00Z"));
		});
	}

	@Test
	void writesNothingWhenThePublishersTransactionRollsBack() {
		String username = Recipients.account();
		assertThatIllegalStateException().isThrownBy(() -> transactions.executeWithoutResult(tx -> {
			events.publishEvent(new AccountActivated(Recipients.mobile(), username, Locale.ENGLISH));
			throw new IllegalStateException("the change failed");
		}));

		assertThat(outbox.inbox(username, 10)).isEmpty();
	}

	@Test
	void theScheduledWorkerDeliversCodesToTheDemoGateway() throws InterruptedException {
		String mobile = Recipients.mobile();
		transactions.executeWithoutResult(tx -> events.publishEvent(new CodeRequested(mobile, "246810")));
		long id = jdbc.sql("select id from notification_message where mobile = ?")
			.param(mobile)
			.query(Long.class)
			.single();

		for (int i = 0; i < 100 && outbox.byId(id).orElseThrow().smsStatus() != SmsStatus.SENT; i++) {
			Thread.sleep(100);
		}

		assertThat(outbox.byId(id).orElseThrow().smsStatus()).isEqualTo(SmsStatus.SENT);
		assertThat(logGateway.recent()).anySatisfy(sent -> {
			assertThat(sent.to()).isEqualTo(mobile);
			assertThat(sent.text()).isEqualTo("【入学服务平台】您的验证码是 246810，5 分钟内有效。请勿告诉他人。");
		});
	}

	@Test
	void rendersEveryTemplateInChineseAndEnglish() {
		var templates = List.of("notification.sms.code", "notification.password-reset-by-district",
				"notification.mobile-changed", "notification.account-activated", "notification.stage-notice");
		for (String key : templates) {
			String chinese = texts.render(key, List.of("A", "B"), Locale.SIMPLIFIED_CHINESE);
			String english = texts.render(key, List.of("A", "B"), Locale.ENGLISH);
			assertThat(chinese).as(key).startsWith("【入学服务平台】").isNotEqualTo(english);
			assertThat(english).as(key).startsWith("[Enrollment Service]");
		}
		assertThat(texts.render("notification.mobile-changed", List.of("139****0000"), Locale.ENGLISH))
			.contains("139****0000");
	}

}
