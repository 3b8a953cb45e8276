package org.ruxue.app.primary;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ruxue.app.DatabaseLocation;
import org.ruxue.app.PrivatePostgres;
import org.ruxue.app.RuxueApplication;
import org.ruxue.app.audit.AuditTrail;
import org.ruxue.app.identity.ActivatedFamilies;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One node killed in the middle of a request (issue 11). The second node is a process of
 * its own, so that it can be killed outright (SIGKILL: no shutdown hook, no graceful
 * end). A family signed in there submits its registration; the test holds the
 * registration table so that the submission stops inside its transaction, kills the node
 * then, and lets go. PostgreSQL rolls the half-done transaction back: nothing of it is
 * stored. The family, whose submission was never acknowledged, goes on at the other node
 * with its session and submits the same form again; it counts once, and the audit chain
 * is intact.
 */
class NodeKilledTest {

	private static final String PASSWORD = "killed node family password";

	private static ConfigurableApplicationContext survivor;

	private static Process doomed;

	private static Path doomedLog;

	private static int doomedPort;

	@BeforeAll
	static void twoNodes() throws Exception {
		survivor = SpringApplication.run(RuxueApplication.class, "--ruxue.clock.fixed=2017-05-10T09:00:00+08:00",
				"--server.port=0", "--logging.level.root=WARN", "--ruxue.database.ephemeral=true");
		survivor.getBean(PrimaryFixtures.class).world();
		DatabaseLocation shared = survivor.getBean(DatabaseLocation.class);
		doomedPort = PrivatePostgres.freePort();
		doomedLog = Files.createTempFile("ruxue-doomed-node", ".log");
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx512m", "-cp", System.getProperty("java.class.path"), RuxueApplication.class.getName(),
				"--DATABASE_URL=postgresql://" + shared.user()
						+ ((shared.password() != null && !shared.password().isEmpty()) ? ":" + shared.password() : "")
						+ "@" + shared.host() + ":" + shared.port() + "/" + shared.database(),
				"--server.port=" + doomedPort, "--ruxue.clock.fixed=2017-05-10T09:00:00+08:00",
				"--logging.level.root=WARN"));
		doomed = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(doomedLog.toFile()).start();
		awaitHealthy(doomedPort, Duration.ofSeconds(180));
	}

	@AfterAll
	static void stop() throws IOException {
		if (doomed != null) {
			doomed.destroyForcibly();
		}
		if (survivor != null) {
			survivor.close(); // drops the database
		}
		if (doomedLog != null) {
			Files.deleteIfExists(doomedLog);
		}
	}

	@Test
	void aSubmissionCutOffByTheKillLeavesNothingAndCountsOnceWhenSubmittedAgainElsewhere() throws Exception {
		PrimaryFixtures.Family family = survivor.getBean(PrimaryFixtures.class).family("被中断");
		survivor.getBean(ActivatedFamilies.class).activate(family.signedIn().id(), family.mobile(), PASSWORD);
		FamilyOverHttp browser = new FamilyOverHttp("http://localhost:" + doomedPort);
		assertThat(browser.signIn(family, PASSWORD)).isTrue();
		Map<String, String> form = FamilyOverHttp.fields(family.form(PrimaryFixtures.DC_ADDRESS));
		JdbcClient jdbc = survivor.getBean(JdbcClient.class);

		CompletableFuture<HttpResponse<String>> cutOff = new CompletableFuture<>();
		int[] backend = new int[1];
		new TransactionTemplate(survivor.getBean(org.springframework.transaction.PlatformTransactionManager.class))
			.executeWithoutResult(status -> {
				jdbc.sql("lock table primary_registration in share mode").update();
				Thread.ofVirtual().start(() -> {
					try {
						cutOff.complete(browser.submitOnce(form));
					}
					catch (Exception ex) {
						cutOff.completeExceptionally(ex);
					}
				});
				backend[0] = awaitInsertWaiting(jdbc, cutOff);
				doomed.destroyForcibly();
				try {
					assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});

		assertThatThrownBy(() -> cutOff.get(30, TimeUnit.SECONDS)).as("the killed node never answered")
			.hasCauseInstanceOf(IOException.class);
		awaitBackendGone(jdbc, backend[0], Duration.ofSeconds(30));
		assertThat(jdbc.sql("select count(*) from primary_registration where child_name = '被中断'")
			.query(Long.class)
			.single()).as("nothing of the cut-off submission").isZero();

		browser.moveTo("http://localhost:" + ((WebServerApplicationContext) survivor).getWebServer().getPort());
		String registration = FamilyOverHttp.acknowledged(browser.submitOnce(form));
		assertThat(registration).as("acknowledged at the other node, same session").isNotNull();
		assertThat(FamilyOverHttp.acknowledged(browser.submitOnce(form))).as("the same form again counts once")
			.isEqualTo(registration);
		assertThat(jdbc.sql("select count(*) from primary_registration where child_name = '被中断'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(survivor.getBean(AuditTrail.class).verify().isIntact()).isTrue();
	}

	/**
	 * Until a write to the registration table waits for the test's lock: the node's
	 * request is mid-way, inside its transaction. (pg_locks, unlike the query texts of
	 * pg_stat_activity, is visible to the application's role.)
	 */
	private static int awaitInsertWaiting(JdbcClient jdbc, CompletableFuture<HttpResponse<String>> answer) {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < until) {
			if (answer.isDone()) {
				throw new AssertionError("The node answered before it wrote: " + answer.getNow(null).statusCode());
			}
			List<Integer> waiting = waitingWriters(jdbc);
			if (!waiting.isEmpty()) {
				return waiting.get(0);
			}
			Thread.onSpinWait();
		}
		throw new AssertionError("The node's submission never reached the registration table");
	}

	/**
	 * PostgreSQL notices the dead client and ends its backend: only then has its
	 * transaction ended, committed or not.
	 */
	private static void awaitBackendGone(JdbcClient jdbc, int pid, Duration patience) throws InterruptedException {
		long until = System.nanoTime() + patience.toNanos();
		while (System.nanoTime() < until) {
			if (jdbc.sql("select count(*) from pg_stat_activity where pid = ?")
				.param(pid)
				.query(Long.class)
				.single() == 0) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The killed node's backend " + pid + " is still there");
	}

	private static List<Integer> waitingWriters(JdbcClient jdbc) {
		return jdbc.sql("""
				select pid from pg_locks
				where relation = 'primary_registration'::regclass and not granted and mode = 'RowExclusiveLock'
				""").query(Integer.class).list();
	}

	private static void awaitHealthy(int port, Duration patience) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		long until = System.nanoTime() + patience.toNanos();
		while (System.nanoTime() < until) {
			if (!doomed.isAlive()) {
				throw new IllegalStateException("The second node did not start:\n" + Files.readString(doomedLog));
			}
			try {
				HttpResponse<Void> health = http.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The second node was not healthy in " + patience);
	}

}
