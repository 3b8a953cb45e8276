package org.ruxue.app.registry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.population.SealedIdNumbers;
import org.ruxue.app.registry.RegistryService.Says;
import org.ruxue.app.registry.RegistryService.TakesThenSays;
import org.ruxue.app.zoning.EntryLevel;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * R-G3 with the {@code http} adapter, against the registry's service on a loopback port
 * and the real database: a server error tried again; a registry down for a whole send
 * failing the batch and leaving the rest pending, all sent by the next send with the same
 * idempotency key; a lost answer applied once; a refused record not sent again until it
 * is corrected; a record taken but not acknowledged; the reconciliation over the
 * service's list.
 */
@IntegrationTest
class HandoffOverHttpTest {

	private static final int ATTEMPTS = 3;

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

	private final RegistryService service = RegistryService.start();

	private final HttpEnrollmentRegistry registry = new HttpEnrollmentRegistry(new RegistryProperties.Http(
			service.baseUrl(), "", Duration.ofMillis(300), Duration.ofMillis(700), ATTEMPTS, Duration.ofMillis(20), 2));

	private final int year = Enrollments.freshYear();

	private EnrollmentHandoffs handoffs;

	@BeforeEach
	void handoffsThroughTheService() {
		Enrollments.schools(jdbc);
		handoffs = new EnrollmentHandoffs(jdbc, dataSource, sealed, registry,
				new HandoffProperties("http", 2, Duration.ofMinutes(10)), events, clock, transactions);
	}

	@AfterEach
	void stop() {
		registry.close();
		service.close();
	}

	@Test
	void rG3_aServerErrorIsTriedAgainAndCountedOnTheRecords() {
		List<Enrollment> enrollments = Enrollments.juniors(year, 3);
		handoffs.record(enrollments, EnrollmentHandoffsTest.CITY);
		service.next(new Says(503, ""));

		SendReport report = handoffs.send(year, EntryLevel.JUNIOR, EnrollmentHandoffsTest.CITY);

		assertThat(report.complete()).isTrue();
		assertThat(report.batches()).isEqualTo(2);
		assertThat(report.acknowledged()).isEqualTo(3);
		assertThat(enrollments).extracting(e -> handoffs.find(year, EntryLevel.JUNIOR, e.key()).orElseThrow())
			.extracting(HandedOff::status, HandedOff::attempts)
			.containsExactly(tuple(HandoffStatus.ACKNOWLEDGED, 2), tuple(HandoffStatus.ACKNOWLEDGED, 2),
					tuple(HandoffStatus.ACKNOWLEDGED, 1));
		assertThat(handoffs.find(year, EntryLevel.JUNIOR, enrollments.get(0).key()).orElseThrow().registryReference())
			.startsWith("REG-");
	}

	@Test
	void rG3_aRegistryDownStopsTheSendAndTheNextSendDeliversEverythingWithTheSameKeys() {
		List<Enrollment> enrollments = Enrollments.juniors(year, 3);
		handoffs.record(enrollments, EnrollmentHandoffsTest.CITY);
		service.from(new Says(500, "{\"error\":\"database\"}"));

		SendReport down = handoffs.send(year, EntryLevel.JUNIOR, EnrollmentHandoffsTest.CITY);

		assertThat(down.complete()).isFalse();
		assertThat(down.failure()).isEqualTo("HTTP 500");
		assertThat(down.batches()).as("stopped at the first batch").isEqualTo(1);
		assertThat(down.failed()).isEqualTo(2);
		assertThat(down.stillPending()).isEqualTo(3);
		HandedOff failed = handoffs.find(year, EntryLevel.JUNIOR, enrollments.get(0).key()).orElseThrow();
		assertThat(failed.status()).isEqualTo(HandoffStatus.FAILED);
		assertThat(failed.attempts()).isEqualTo(ATTEMPTS);
		assertThat(failed.lastError()).isEqualTo("HTTP 500");
		assertThat(handoffs.find(year, EntryLevel.JUNIOR, enrollments.get(2).key()).orElseThrow().status())
			.isEqualTo(HandoffStatus.PENDING);
		String failedKey = service.idempotencyKeys().getFirst();

		service.from(new RegistryService.Answers());
		SendReport recovered = handoffs.send(year, EntryLevel.JUNIOR, EnrollmentHandoffsTest.CITY);

		assertThat(recovered.acknowledged()).isEqualTo(3);
		assertThat(recovered.stillPending()).isZero();
		assertThat(service.idempotencyKeys()).as("the failed batch sent again is the same batch")
			.containsExactly(failedKey, failedKey, failedKey, failedKey, service.idempotencyKeys().getLast());
		assertThat(handoffs.find(year, EntryLevel.JUNIOR, enrollments.get(0).key()).orElseThrow().attempts())
			.isEqualTo(ATTEMPTS + 1);
	}

	@Test
	void rG3_aBatchWhoseAnswerWasLostIsAppliedOnce() {
		List<Enrollment> enrollments = Enrollments.juniors(year, 2);
		handoffs.record(enrollments, EnrollmentHandoffsTest.CITY);
		service.next(new TakesThenSays(504));

		SendReport report = handoffs.send(year, EntryLevel.JUNIOR, EnrollmentHandoffsTest.CITY);

		assertThat(report.acknowledged()).isEqualTo(2);
		assertThat(service.idempotencyKeys()).hasSize(2).containsOnly(service.idempotencyKeys().getFirst());
		for (Enrollment e : enrollments) {
			assertThat(service.applied(year, "JUNIOR", e.key())).isEqualTo(1);
			assertThat(handoffs.find(year, EntryLevel.JUNIOR, e.key()).orElseThrow().attempts()).isEqualTo(2);
		}
		assertThat(service.received()).hasSize(2);
	}

	@Test
	void rG3_aRefusedRecordIsNotSentAgainUntilItIsCorrected() {
		Enrollment refused = Enrollments.junior(year, "拒收");
		handoffs.record(List.of(refused), EnrollmentHandoffsTest.CITY);
		service.refuses(refused.key(), "学校不在学籍系统中");

		SendReport first = handoffs.send(year, EntryLevel.JUNIOR, EnrollmentHandoffsTest.CITY);

		assertThat(first.complete()).as("the batch went through").isTrue();
		assertThat(first.failed()).isEqualTo(1);
		assertThat(first.stillPending()).isZero();
		HandedOff failed = handoffs.find(year, EntryLevel.JUNIOR, refused.key()).orElseThrow();
		assertThat(failed.status()).isEqualTo(HandoffStatus.FAILED);
		assertThat(failed.lastError()).isEqualTo("学校不在学籍系统中");
		assertThat(handoffs.send(year, EntryLevel.JUNIOR, EnrollmentHandoffsTest.CITY).sent()).isZero();

		service.acceptsAgain(refused.key());
		handoffs.record(List.of(Enrollments.atSchool(refused, Enrollments.DONGCHENG_JUNIOR_2, "CORRECTION")),
				EnrollmentHandoffsTest.CITY);
		SendReport corrected = handoffs.send(year, EntryLevel.JUNIOR, EnrollmentHandoffsTest.CITY);

		assertThat(corrected.acknowledged()).isEqualTo(1);
		assertThat(service.enrollment(year, "JUNIOR", refused.key())).containsEntry("version", 2)
			.containsEntry("schoolCode", Enrollments.DONGCHENG_JUNIOR_2);
	}

	@Test
	void rG3_aRecordTakenButNotAcknowledgedIsSentAndPresentAtTheRegistry() {
		Enrollment e = Enrollments.junior(year, "待确认");
		handoffs.record(List.of(e), EnrollmentHandoffsTest.CITY);
		service.answersEnrollmentsWith("RECEIVED");

		SendReport report = handoffs.send(year, EntryLevel.JUNIOR, EnrollmentHandoffsTest.CITY);

		assertThat(report.awaitingAcknowledgement()).isEqualTo(1);
		assertThat(handoffs.find(year, EntryLevel.JUNIOR, e.key()).orElseThrow().status())
			.isEqualTo(HandoffStatus.SENT);
		assertThat(handoffs.send(year, EntryLevel.JUNIOR, EnrollmentHandoffsTest.CITY).sent()).isZero();
		assertThat(handoffs.reconcile(year, EntryLevel.JUNIOR, EnrollmentHandoffsTest.CITY)
			.count(Reconciliation.Finding.PRESENT)).isEqualTo(1);
	}

	@Test
	void rG3_theReconciliationReadsTheServicesList() {
		List<Enrollment> enrollments = Enrollments.juniors(year, 3);
		handoffs.record(enrollments, EnrollmentHandoffsTest.CITY);
		handoffs.send(year, EntryLevel.JUNIOR, EnrollmentHandoffsTest.CITY);
		service.forgets(year, "JUNIOR", enrollments.get(1).key());
		service.holdsEnrollment(year, "JUNIOR", "HSTRANGER02", 1, "REG-X");

		Reconciliation reconciliation = handoffs.reconcile(year, EntryLevel.JUNIOR, EnrollmentHandoffsTest.CITY);

		assertThat(reconciliation.discrepancies()).extracting(Reconciliation.Line::finding, Reconciliation.Line::key)
			.containsExactly(tuple(Reconciliation.Finding.MISSING, enrollments.get(1).key()),
					tuple(Reconciliation.Finding.UNEXPECTED, "HSTRANGER02"));
		assertThat(reconciliation.count(Reconciliation.Finding.PRESENT)).isEqualTo(2);

		service.from(new Says(503, ""));
		assertThatExceptionOfType(RegistryUnavailable.class)
			.isThrownBy(() -> handoffs.reconcile(year, EntryLevel.JUNIOR, EnrollmentHandoffsTest.CITY));
	}

}
