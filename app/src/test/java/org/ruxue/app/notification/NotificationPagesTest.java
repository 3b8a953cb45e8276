package org.ruxue.app.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.AuditTrail;
import org.ruxue.app.notification.StoredMessage.SmsStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The inbox, the failures page and the developer page, through the web layer. */
@IntegrationTest
class NotificationPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Outbox outbox;

	@Autowired
	LogSmsGateway logGateway;

	@Autowired
	AuditTrail audit;

	@Autowired
	MessageTexts texts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void theInboxShowsOnlyTheReadersMessagesNewestFirst() throws Exception {
		String family = Recipients.account();
		String neighbour = Recipients.account();
		outbox.add(new OutgoingMessage(null, family, "notification.account-activated", List.of()),
				Instant.parse("2017-05-01T00:00:00Z"));
		outbox.add(new OutgoingMessage(null, family, "notification.stage-notice", List.of("小学入学登记")),
				Instant.parse("2017-05-02T00:00:00Z"));
		outbox.add(new OutgoingMessage(null, neighbour, "notification.stage-notice", List.of("邻居的阶段")),
				Instant.parse("2017-05-03T00:00:00Z"));

		String page = mvc.perform(get("/inbox").with(user(family)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 条未读")))
			.andExpect(content().string(not(containsString("邻居的阶段"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf("小学入学登记")).isLessThan(page.indexOf("您的账户已激活"));

		mvc.perform(get("/inbox").param("lang", "en").with(user(family)))
			.andExpect(content().string(containsString("There is news about your enrollment application")));
	}

	@Test
	void aReaderMarksTheirOwnMessagesRead() throws Exception {
		String family = Recipients.account();
		long mine = outbox.add(new OutgoingMessage(null, family, "notification.account-activated", List.of()),
				Instant.parse("2017-05-01T00:00:00Z"));

		mvc.perform(post("/inbox/{id}/read", mine).with(user("someone-else")).with(csrf()))
			.andExpect(redirectedUrl("/inbox"));
		assertThat(outbox.byId(mine).orElseThrow().isRead()).isFalse();

		mvc.perform(post("/inbox/{id}/read", mine).with(user(family)).with(csrf())).andExpect(redirectedUrl("/inbox"));
		assertThat(outbox.byId(mine).orElseThrow().isRead()).isTrue();
	}

	@Test
	void theInboxNeedsSignIn() throws Exception {
		mvc.perform(get("/inbox").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
	}

	@Test
	void theCityAdministratorRetriesAFailedText() throws Exception {
		String mobile = Recipients.mobile();
		Instant due = Instant.parse("2030-07-01T00:00:00Z");
		long id = outbox.add(OutboxWorkerTest.code(mobile, "1357"), due);
		ApplicationWorker.awaitIdle(jdbc, clock);
		new OutboxWorker(outbox, sms -> {
			throw SmsNotSentException.permanent("number unknown to the SMSC");
		}, texts, new Backoff(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1), 1),
				java.time.Duration.ofMinutes(1), 1000)
			.drain(due);
		assertThat(outbox.byId(id).orElseThrow().smsStatus()).isEqualTo(SmsStatus.FAILED);

		mvc.perform(get("/admin/notifications/failures").with(user("city-admin").roles("CITY_ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(MaskedMobile.of(mobile))))
			.andExpect(content().string(not(containsString(mobile))))
			.andExpect(content().string(containsString("number unknown to the SMSC")))
			.andExpect(content().string(containsString("data-confirm=")));

		mvc.perform(post("/admin/notifications/failures/{id}/retry", id).with(user("city-admin").roles("CITY_ADMIN"))
			.with(csrf())).andExpect(redirectedUrl("/admin/notifications/failures"));

		// back in the queue, where the application's worker may already have taken it
		assertThat(outbox.byId(id).orElseThrow().smsStatus()).isNotEqualTo(SmsStatus.FAILED);
		assertThat(audit.about("notification-message", Long.toString(id))).singleElement()
			.satisfies(entry -> assertThat(entry.actor()).isEqualTo("city-admin"));
	}

	@Test
	void onlyTheCityAdministratorSeesFailures() throws Exception {
		mvc.perform(get("/admin/notifications/failures").with(user("parent").roles("FAMILY")))
			.andExpect(status().isForbidden());
		mvc.perform(
				post("/admin/notifications/failures/{id}/retry", 1).with(user("parent").roles("FAMILY")).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void theDeveloperPageShowsTheDemoGatewaysTexts() throws Exception {
		String mobile = Recipients.mobile();
		logGateway.send(new Sms(-1, mobile, "【入学服务平台】您的验证码是 908172，5 分钟内有效。请勿告诉他人。"));

		mvc.perform(get("/dev/sms").with(user("tester")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(mobile)))
			.andExpect(content().string(containsString("908172")));
	}

}
