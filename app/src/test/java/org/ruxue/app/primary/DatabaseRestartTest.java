package org.ruxue.app.primary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ruxue.app.PrivatePostgres;
import org.ruxue.app.RuxueApplication;
import org.ruxue.app.identity.ActivatedFamilies;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL restarted in the middle of a burst of registrations (issue 11). The platform
 * runs against a server of the test's own, which is stopped for two seconds and started
 * again while families sign in and submit over HTTP. Every answer during the outage is a
 * clean 503 with Retry-After, never a 500; the families submit again as told and all get
 * through; every acknowledged registration is in the database afterwards, and each child
 * has exactly one (R-P4).
 */
class DatabaseRestartTest {

	private static final String PASSWORD = "restart family password";

	private static final int FAMILIES = 16;

	private static PrivatePostgres postgres;

	private static ConfigurableApplicationContext node;

	@BeforeAll
	static void platformOnItsOwnServer() throws Exception {
		postgres = PrivatePostgres.start();
		node = SpringApplication.run(RuxueApplication.class, "--DATABASE_URL=" + postgres.url("ruxue_restart"),
				"--ruxue.clock.fixed=2017-05-10T09:00:00+08:00", "--server.port=0", "--logging.level.root=WARN",
				"--logging.level.org.ruxue.app.portal.DatabaseOutage=ERROR", "--ruxue.database.connection-timeout=2s");
		node.getBean(PrimaryFixtures.class).world();
	}

	@AfterAll
	static void stop() throws Exception {
		if (node != null) {
			node.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void everyAcknowledgedRegistrationSurvivesARestartAndTheOutageIsAClean503() throws Exception {
		PrimaryFixtures fixtures = node.getBean(PrimaryFixtures.class);
		ActivatedFamilies activation = node.getBean(ActivatedFamilies.class);
		List<PrimaryFixtures.Family> families = new ArrayList<>();
		for (int i = 0; i < FAMILIES; i++) {
			PrimaryFixtures.Family family = fixtures.family("重启" + i);
			activation.activate(family.signedIn().id(), family.mobile(), PASSWORD);
			families.add(family);
		}
		String base = "http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort();
		AtomicInteger acknowledged = new AtomicInteger();
		ExecutorService browsers = Executors.newFixedThreadPool(4);
		List<Future<FamilyOverHttp.Outcome>> outcomes = new ArrayList<>();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		for (PrimaryFixtures.Family family : families) {
			outcomes.add(browsers.submit(() -> {
				FamilyOverHttp.Outcome outcome = new FamilyOverHttp(base).register(family, PASSWORD, deadline);
				if (outcome.registrationId() != null) {
					acknowledged.incrementAndGet();
				}
				return outcome;
			}));
		}

		// the burst is under way: a few are through, the rest in flight
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (acknowledged.get() < 4 && System.nanoTime() < until) {
			Thread.sleep(20);
		}
		assertThat(acknowledged.get()).as("registrations before the restart").isGreaterThanOrEqualTo(4);
		postgres.stop();
		Thread.sleep(Duration.ofSeconds(2));
		postgres.startServer();

		int unavailable = 0;
		List<String> ids = new ArrayList<>();
		for (Future<FamilyOverHttp.Outcome> future : outcomes) {
			FamilyOverHttp.Outcome outcome = future.get();
			assertThat(outcome.serverErrors()).as("500s seen; the last unexpected answer: %s", outcome.lastUnexpected())
				.isZero();
			assertThat(outcome.registrationId())
				.as("acknowledged in the end; last unexpected: %s", outcome.lastUnexpected())
				.isNotNull();
			unavailable += outcome.unavailable();
			ids.add(outcome.registrationId());
		}
		browsers.shutdown();

		assertThat(unavailable).as("answers during the outage were 503s with Retry-After").isPositive();
		JdbcClient jdbc = node.getBean(JdbcClient.class);
		for (String id : ids) {
			assertThat(jdbc.sql("select status from primary_registration where id = ?::uuid")
				.param(id)
				.query(String.class)
				.optional()).as("acknowledged registration " + id).get().isNotEqualTo("CANCELLED");
		}
		assertThat(jdbc.sql("""
				select count(*) from primary_registration where child_name like '重启%' and status <> 'CANCELLED'
				""").query(Long.class).single()).as("one registration per child").isEqualTo(FAMILIES);
	}

}
