package org.ruxue.app.registry;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.registry.EnrollmentRegistry.Batch;
import org.ruxue.app.registry.EnrollmentRegistry.Delivery;
import org.ruxue.app.registry.EnrollmentRegistry.Held;
import org.ruxue.app.registry.EnrollmentRegistry.Outcome;
import org.ruxue.app.registry.EnrollmentRegistry.Outgoing;
import org.ruxue.app.registry.EnrollmentRegistry.Receipt;
import org.ruxue.app.registry.RegistryService.AnswersAfter;
import org.ruxue.app.registry.RegistryService.Says;
import org.ruxue.app.registry.RegistryService.TakesThenSays;
import org.ruxue.app.zoning.EntryLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * R-G3 through the registry's JSON service, against a real server on a loopback port: a
 * batch posted with its idempotency key and every record answered; a server error or a
 * slow answer tried again with the same key; a batch the registry took before its answer
 * was lost applied once; a registry failing every time, refusing, or answering outside
 * the protocol ending the batch; what the registry holds listed page by page.
 */
class HttpEnrollmentRegistryTest {

	private static final int ATTEMPTS = 3;

	private static final IdCardNumber ID = IdCardNumber.withCheckDigit("11010120050301001");

	private final RegistryService service = RegistryService.start();

	private final HttpEnrollmentRegistry registry = new HttpEnrollmentRegistry(
			new RegistryProperties.Http(service.baseUrl(), "Bearer registry-token", Duration.ofMillis(300),
					Duration.ofMillis(700), ATTEMPTS, Duration.ofMillis(20), 2));

	private final Batch batch = new Batch("a".repeat(64), 2017, EntryLevel.JUNIOR,
			List.of(record("G0000000001", 1), record("G0000000002", 1), record("G0000000003", 2)));

	@AfterEach
	void stop() {
		registry.close();
		service.close();
	}

	@Test
	void postsTheBatchWithItsIdempotencyKeyAndReadsEveryRecordsAnswer() {
		Delivery delivery = registry.send(batch);

		assertThat(delivery.attempts()).isEqualTo(1);
		assertThat(delivery.receipts()).extracting(Receipt::key, Receipt::outcome, Receipt::reference)
			.containsExactly(tuple("G0000000001", Outcome.ACKNOWLEDGED, "REG-1"),
					tuple("G0000000002", Outcome.ACKNOWLEDGED, "REG-2"),
					tuple("G0000000003", Outcome.ACKNOWLEDGED, "REG-3"));
		assertThat(service.requests()).containsExactly("POST /registry/v1/enrollments");
		assertThat(service.idempotencyKeys()).containsExactly("a".repeat(64));
		assertThat(service.authorizations()).containsOnly("Bearer registry-token");
		assertThat(service.received().getFirst()).containsEntry("key", "G0000000001")
			.containsEntry("idNumber", ID.value())
			.containsEntry("sex", "男")
			.containsEntry("birthDate", "2005-03-01")
			.containsEntry("schoolCode", "110101-J001")
			.containsEntry("method", "LOTTERY")
			.containsEntry("version", 1);
		assertThat(service.enrollment(2017, "JUNIOR", "G0000000003")).containsEntry("version", 2);
	}

	@Test
	void aServerErrorIsTriedAgainWithTheSameKey() {
		service.next(new Says(503, ""));

		Delivery delivery = registry.send(batch);

		assertThat(delivery.attempts()).isEqualTo(2);
		assertThat(delivery.receipts()).hasSize(3);
		assertThat(service.idempotencyKeys()).containsExactly("a".repeat(64), "a".repeat(64));
	}

	@Test
	void aBatchTheRegistryTookBeforeItsAnswerWasLostIsAppliedOnce() {
		service.next(new TakesThenSays(502));

		Delivery delivery = registry.send(batch);

		assertThat(delivery.attempts()).isEqualTo(2);
		assertThat(delivery.receipts()).extracting(Receipt::reference).containsExactly("REG-1", "REG-2", "REG-3");
		assertThat(service.received()).as("the records reached the registry once").hasSize(3);
		assertThat(service.applied(2017, "JUNIOR", "G0000000001")).isEqualTo(1);
	}

	@Test
	void aSlowAnswerIsTriedAgainWithTheSameKeyAndAppliedOnce() {
		service.next(new AnswersAfter(Duration.ofSeconds(2)));

		Delivery delivery = registry.send(batch);

		assertThat(delivery.attempts()).isGreaterThanOrEqualTo(2);
		assertThat(service.idempotencyKeys()).containsOnly("a".repeat(64));
		assertThat(service.applied(2017, "JUNIOR", "G0000000002")).isEqualTo(1);
	}

	@Test
	void aRegistryFailingEveryTimeEndsTheBatchAfterTheLastAttempt() {
		service.from(new Says(500, "{\"error\":\"database\"}"));

		assertThatExceptionOfType(RegistryUnavailable.class).isThrownBy(() -> registry.send(batch))
			.satisfies(ex -> assertThat(ex.getMessage()).isEqualTo("HTTP 500"))
			.satisfies(ex -> assertThat(ex.attempts()).isEqualTo(ATTEMPTS));
		assertThat(service.requests()).hasSize(ATTEMPTS);
	}

	@Test
	void aRefusedRequestIsNotTriedAgain() {
		service.from(new Says(401, "{\"error\":\"token\"}"));

		assertThatExceptionOfType(RegistryUnavailable.class).isThrownBy(() -> registry.send(batch))
			.satisfies(ex -> assertThat(ex.attempts()).isEqualTo(1));
		assertThat(service.requests()).hasSize(1);
	}

	@Test
	void anAnswerWithoutAResultForEveryRecordIsOutsideTheProtocol() {
		for (String nonsense : new String[] { "{}", "{\"results\":[]}",
				"{\"results\":[{\"key\":\"G0000000001\",\"status\":\"ACKNOWLEDGED\",\"reference\":\"R\"}]}",
				"{\"results\":[{\"key\":\"G0000000001\",\"status\":\"ACKNOWLEDGED\"},"
						+ "{\"key\":\"G0000000002\",\"status\":\"ACKNOWLEDGED\",\"reference\":\"R\"},"
						+ "{\"key\":\"G0000000003\",\"status\":\"ACKNOWLEDGED\",\"reference\":\"R\"}]}",
				"{\"results\":[{\"key\":\"G0000000001\",\"status\":\"MAYBE\"},{\"key\":\"G0000000002\",\"status\":\"RECEIVED\"},"
						+ "{\"key\":\"G0000000003\",\"status\":\"RECEIVED\"}]}",
				"<html>maintenance</html>" }) {
			service.from(new Says(200, nonsense));

			assertThatExceptionOfType(RegistryUnavailable.class).as(nonsense)
				.isThrownBy(() -> registry.send(batch))
				.satisfies(ex -> assertThat(ex.attempts()).isEqualTo(1));
		}
	}

	@Test
	void aRefusedRecordAndAReceivedOneAreAnsweredAsTheRegistrySays() {
		service.refuses("G0000000002", "学校代码不存在");
		service.answersEnrollmentsWith("RECEIVED");

		Delivery delivery = registry.send(batch);

		assertThat(delivery.receipts()).extracting(Receipt::key, Receipt::outcome, Receipt::reason)
			.containsExactly(tuple("G0000000001", Outcome.RECEIVED, null),
					tuple("G0000000002", Outcome.REJECTED, "学校代码不存在"), tuple("G0000000003", Outcome.RECEIVED, null));
	}

	@Test
	void listsWhatTheRegistryHoldsPageByPage() {
		registry.send(batch);
		service.holdsEnrollment(2017, "PRIMARY", "2017-110101-000001", 1, "REG-P");

		List<Held> held = registry.list(2017, EntryLevel.JUNIOR);

		assertThat(held).extracting(Held::key, Held::version, Held::reference)
			.containsExactly(tuple("G0000000001", 1, "REG-1"), tuple("G0000000002", 1, "REG-2"),
					tuple("G0000000003", 2, "REG-3"));
		assertThat(service.requests()).containsSubsequence(
				"/registry/v1/enrollments?year=2017&level=JUNIOR&page=0&size=2",
				"/registry/v1/enrollments?year=2017&level=JUNIOR&page=1&size=2");
	}

	@Test
	void aListThatCannotBeHadIsUnavailable() {
		service.from(new Says(503, ""));

		assertThatExceptionOfType(RegistryUnavailable.class).isThrownBy(() -> registry.list(2017, EntryLevel.JUNIOR))
			.satisfies(ex -> assertThat(ex.attempts()).isEqualTo(ATTEMPTS));
	}

	@Test
	void needsTheServicesAddress() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new HttpEnrollmentRegistry(new RegistryProperties.Http(null, "", Duration.ofSeconds(1),
					Duration.ofSeconds(1), 1, Duration.ZERO, 10)));
	}

	private static Outgoing record(String key, int version) {
		return new Outgoing(key, version, "110101", "110101-J001", "LOTTERY", "学生", "MALE", LocalDate.of(2005, 3, 1),
				ID, key);
	}

}
