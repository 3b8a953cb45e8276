package org.ruxue.app.primary;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ruxue.app.DatabaseLocation;
import org.ruxue.app.RuxueApplication;
import org.ruxue.app.identity.ActivatedFamilies;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening day with two nodes (issue 11): two instances of the platform on their own ports
 * against one PostgreSQL database, both running their scheduled work. A family signs in
 * on one and goes on on the other (sessions live in the database); the same children
 * registered from both nodes at once end with one active registration each (R-P4); every
 * identity check (R-P11) and every SMS is done once across the two, the SMS counted by a
 * real HTTP gateway both nodes send to.
 */
class TwoNodesTest {

	private static final String PASSWORD = "two nodes family password";

	private static HttpServer gateway;

	private static final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void twoNodes() throws IOException {
		gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		gateway.createContext("/sms", exchange -> {
			String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
			received.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
			exchange.getRequestBody().readAllBytes();
			byte[] answer = ("{\"messageId\":\"gw-" + key + "\"}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		gateway.start();
		String sms = "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms";
		List<String> common = List.of("--ruxue.clock.fixed=2017-05-10T09:00:00+08:00", "--server.port=0",
				"--logging.level.root=WARN", "--ruxue.primary.identity-check-delay=200ms",
				"--ruxue.notification.poll-interval=200ms", "--ruxue.notification.sms.gateway=http",
				"--ruxue.notification.sms.http.url=" + sms);
		List<String> firstArgs = new ArrayList<>(common);
		firstArgs.add("--ruxue.database.ephemeral=true");
		first = SpringApplication.run(RuxueApplication.class, firstArgs.toArray(String[]::new));
		DatabaseLocation shared = first.getBean(DatabaseLocation.class);
		List<String> secondArgs = new ArrayList<>(common);
		secondArgs.add("--DATABASE_URL=postgresql://" + shared.user()
				+ ((shared.password() != null && !shared.password().isEmpty()) ? ":" + shared.password() : "") + "@"
				+ shared.host() + ":" + shared.port() + "/" + shared.database());
		second = SpringApplication.run(RuxueApplication.class, secondArgs.toArray(String[]::new));
		first.getBean(PrimaryFixtures.class).world();
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close(); // drops the database
		}
		if (gateway != null) {
			gateway.stop(0);
		}
	}

	@Test
	void aFamilySignedInOnOneNodeGoesOnOnTheOther() throws Exception {
		PrimaryFixtures fixtures = first.getBean(PrimaryFixtures.class);
		PrimaryFixtures.Family family = fixtures.family("两节点");
		first.getBean(ActivatedFamilies.class).activate(family.signedIn().id(), family.mobile(), PASSWORD);
		FamilyOverHttp browser = new FamilyOverHttp(base(first));
		assertThat(browser.signIn(family, PASSWORD)).as("signed in on the first node").isTrue();

		browser.moveTo(base(second));
		HttpResponse<String> onTheOther = browser.page("/account");
		assertThat(onTheOther.statusCode()).isEqualTo(200);
		assertThat(onTheOther.body()).contains(family.childName(), "家长").doesNotContain("id=\"family-form\"");
		// and writes there: the registration form posted to the second node
		String form = browser.page("/primary/" + PrimaryFixtures.DONGCHENG + "/register").body();
		assertThat(form).contains("registration-form");
	}

	@Test
	void theSameChildrenRegisteredFromBothNodesAtOnceEndWithOneRegistrationEachAndEachCheckAndSmsOnce()
			throws Exception {
		PrimaryFixtures fixtures = first.getBean(PrimaryFixtures.class);
		List<PrimaryFixtures.Family> families = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			families.add(fixtures.family("双节点" + i));
		}
		PrimaryRegistrations onFirst = first.getBean(PrimaryRegistrations.class);
		PrimaryRegistrations onSecond = second.getBean(PrimaryRegistrations.class);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		AtomicInteger accepted = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		try {
			List<Future<?>> submissions = new ArrayList<>();
			for (PrimaryFixtures.Family family : families) {
				CountDownLatch together = new CountDownLatch(2);
				for (PrimaryRegistrations node : List.of(onFirst, onSecond)) {
					// a different form each time: not a double click but two submissions
					RegistrationForm form = family.form(PrimaryFixtures.DC_ADDRESS);
					submissions.add(pool.submit(() -> {
						together.countDown();
						together.await();
						try {
							node.submit(PrimaryFixtures.DONGCHENG, form, family.signedIn());
							accepted.incrementAndGet();
						}
						catch (RegistrationRefused ex) {
							refused.incrementAndGet();
						}
						return null;
					}));
				}
			}
			for (Future<?> submission : submissions) {
				submission.get();
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(accepted.get()).isEqualTo(20);
		assertThat(refused.get()).isEqualTo(20);
		JdbcClient jdbc = first.getBean(JdbcClient.class);
		for (PrimaryFixtures.Family family : families) {
			assertThat(onSecond.activeOf(family.child(), 2017)).as(family.childName()).isPresent();
		}
		// both nodes' identity workers and outbox workers ran meanwhile: wait for them
		Instant until = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(until) && (pending(jdbc, "primary_registration", "verification = 'PENDING'") > 0
				|| pending(jdbc, "notification_message", "sms_status in ('PENDING', 'SENDING')") > 0)) {
			Thread.sleep(200);
		}
		assertThat(pending(jdbc, "primary_registration", "verification = 'PENDING'")).isZero();
		assertThat(pending(jdbc, "notification_message", "sms_status in ('PENDING', 'SENDING')")).isZero();
		List<String> ids = jdbc.sql("""
				select r.id::text from primary_registration r
				where r.child_name like '双节点%' and r.status <> 'CANCELLED'
				""").query(String.class).list();
		assertThat(ids).hasSize(20);
		for (String id : ids) {
			assertThat(first.getBean(org.ruxue.app.audit.AuditTrail.class).about("primary-registration", id))
				.filteredOn(e -> e.action().equals("primary.verified"))
				.as("registration " + id + " checked once")
				.hasSize(1);
		}
		List<Long> sent = jdbc.sql("select id from notification_message where sms_status = 'SENT'")
			.query(Long.class)
			.list();
		assertThat(sent).isNotEmpty();
		for (Long id : sent) {
			assertThat(received.get(Long.toString(id))).as("SMS " + id + " sent once").hasValue(1);
		}
	}

	private static long pending(JdbcClient jdbc, String table, String condition) {
		return jdbc.sql("select count(*) from " + table + " where " + condition).query(Long.class).single();
	}

	private static String base(ConfigurableApplicationContext node) {
		return "http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort();
	}

}
