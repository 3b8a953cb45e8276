package org.ruxue.app.registry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.population.SealedIdNumbers;
import org.ruxue.app.zoning.EntryLevel;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-G3 when two senders run at once (two nodes, or the city's button and the admission
 * module): each enrollment goes to the registry once, and both senders get work. A
 * correction recorded while its old version is on the way is not lost: the old version's
 * answer does not mark it sent, and the new version follows. The registry is the local
 * adapter's copy, each batch taking a little time as a real registry's would.
 */
@IntegrationTest
class HandoffConcurrencyTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	SealedIdNumbers sealed;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Clock clock;

	@Autowired
	PlatformTransactionManager transactions;

	private final int year = Enrollments.freshYear();

	@BeforeEach
	void schools() {
		Enrollments.schools(jdbc);
	}

	@Test
	void rG3_twoSendersAtOnceSendEachEnrollmentOnce() throws Exception {
		EnrollmentHandoffs handoffs = handoffs(new Slow(new LocalEnrollmentRegistry(jdbc, clock), null));
		handoffs.record(Enrollments.juniors(year, 1_500), EnrollmentHandoffsTest.CITY);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<SendReport>> reports = List.of(threads.submit(() -> {
				start.await();
				return handoffs.send(year, EntryLevel.JUNIOR, EnrollmentHandoffsTest.CITY);
			}), threads.submit(() -> {
				start.await();
				return handoffs.send(year, EntryLevel.JUNIOR, EnrollmentHandoffsTest.CITY);
			}));
			start.countDown();
			SendReport a = reports.get(0).get(60, TimeUnit.SECONDS);
			SendReport b = reports.get(1).get(60, TimeUnit.SECONDS);

			assertThat(a.sent() + b.sent()).isEqualTo(1_500);
			assertThat(a.sent()).as("both senders took batches").isPositive();
			assertThat(b.sent()).as("both senders took batches").isPositive();
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(jdbc.sql("""
				select count(*) filter (where status = 'ACKNOWLEDGED' and attempts = 1) from registry_handoff
				where year = ?
				""").param(year).query(Integer.class).single()).isEqualTo(1_500);
		assertThat(jdbc.sql("select count(*), min(receipts), max(receipts) from registry_handoff_copy where year = ?")
			.param(year)
			.query((rs, n) -> rs.getInt(1) + " " + rs.getInt(2) + " " + rs.getInt(3))
			.single()).as("each enrollment delivered once").isEqualTo("1500 1 1");
	}

	@Test
	void rG9_aCorrectionRecordedWhileTheOldVersionIsOnTheWayIsSentNext() {
		Enrollment e = Enrollments.junior(year, "途中改正");
		AtomicBoolean corrected = new AtomicBoolean();
		EnrollmentHandoffs[] handoffs = new EnrollmentHandoffs[1];
		handoffs[0] = handoffs(new Slow(new LocalEnrollmentRegistry(jdbc, clock), () -> {
			if (corrected.compareAndSet(false, true)) {
				handoffs[0].record(List.of(Enrollments.atSchool(e, Enrollments.DONGCHENG_JUNIOR_2, "CORRECTION")),
						EnrollmentHandoffsTest.CITY);
			}
		}));
		handoffs[0].record(List.of(e), EnrollmentHandoffsTest.CITY);

		SendReport report = handoffs[0].send(year, EntryLevel.JUNIOR, EnrollmentHandoffsTest.CITY);

		assertThat(report.sent()).as("the old version, then the correction").isEqualTo(2);
		HandedOff sent = handoffs[0].find(year, EntryLevel.JUNIOR, e.key()).orElseThrow();
		assertThat(sent.version()).isEqualTo(2);
		assertThat(sent.status()).isEqualTo(HandoffStatus.ACKNOWLEDGED);
		assertThat(jdbc.sql("""
				select version || ' ' || school_code || ' ' || receipts from registry_handoff_copy
				where enrollment_key = ?
				""").param(e.key()).query(String.class).single()).as("the registry holds the correction")
			.isEqualTo("2 " + Enrollments.DONGCHENG_JUNIOR_2 + " 2");
	}

	private EnrollmentHandoffs handoffs(EnrollmentRegistry registry) {
		return new EnrollmentHandoffs(jdbc, dataSource, sealed, registry,
				new HandoffProperties("local", 100, Duration.ofMinutes(10)), events, clock, transactions);
	}

	/**
	 * The local registry taking 20 ms a batch, as a registry across the network would,
	 * and doing something meanwhile if told to.
	 */
	private record Slow(EnrollmentRegistry registry, Runnable meanwhile) implements EnrollmentRegistry {

		@Override
		public Delivery send(Batch batch) {
			if (meanwhile != null) {
				meanwhile.run();
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return registry.send(batch);
		}

		@Override
		public List<Held> list(int year, EntryLevel level) {
			return registry.list(year, level);
		}

	}

}
