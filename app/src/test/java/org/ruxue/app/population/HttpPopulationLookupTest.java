package org.ruxue.app.population;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ruxue.app.population.RegisterService.AnswersAfter;
import org.ruxue.app.population.RegisterService.Says;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * R-P11 through the {@code http} adapter, against a real register service on a loopback
 * port: the register's three answers, and no answer at all — slow, failing, refusing,
 * talking nonsense — ending in {@link PopulationRegisterUnavailable} so that the
 * registration stays pending.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpPopulationLookupTest {

	private static final IdCardNumber CHILD = SyntheticPeople.bornOnCutoffInDongcheng("王子轩").idNumber();

	private static final int ATTEMPTS = 3;

	private static final int THRESHOLD = 5;

	private static final Duration OPEN_FOR = Duration.ofSeconds(30);

	private final RegisterService service = RegisterService.start().holds(CHILD, "王子轩");

	private final TestTime time = new TestTime();

	private HttpPopulationLookup lookup = lookup(service.baseUrl());

	@AfterEach
	void stop() {
		lookup.close();
		service.close();
	}

	@Test
	void asksTheServiceAndGivesItsThreeAnswers() {
		assertThat(lookup.verify(CHILD, "王子轩")).isEqualTo(Verification.MATCH);
		assertThat(lookup.verify(CHILD, "王梓轩")).isEqualTo(Verification.NAME_MISMATCH);
		assertThat(lookup.verify(IdCardNumber.parse("110101201108310018"), "王子轩")).isEqualTo(Verification.NOT_FOUND);
	}

	@Test
	void postsTheNumberAndTheNameAsJson() {
		lookup.verify(CHILD, " 王子轩 ");

		assertThat(service.requests()).singleElement().satisfies(request -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/register/v1/verifications");
			assertThat(request.contentType()).startsWith("application/json");
			assertThat(request.authorization()).isEqualTo("Bearer register-token");
			assertThat(request.body().get("idNumber").asString()).isEqualTo(CHILD.value());
			assertThat(request.body().get("name").asString()).isEqualTo("王子轩");
		});
	}

	@Test
	void triesASlowServiceAgainAndTakesTheAnswerThatComesInTime() {
		service.next(new AnswersAfter(Duration.ofSeconds(2)));

		assertThat(lookup.verify(CHILD, "王子轩")).isEqualTo(Verification.MATCH);
		assertThat(service.requests()).hasSize(2);
	}

	@Test
	void aServiceTooSlowEveryTimeIsUnavailableAfterTheLastAttempt() {
		service.from(new AnswersAfter(Duration.ofSeconds(2)));
		long start = System.nanoTime();

		assertThatExceptionOfType(PopulationRegisterUnavailable.class).isThrownBy(() -> lookup.verify(CHILD, "王子轩"))
			.withMessageContaining("no answer within");
		assertThat(service.requests()).hasSize(ATTEMPTS);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("each attempt given up long before the answer")
			.isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void triesAServerErrorAgainAndTakesTheAnswerOnceTheServiceRecovers() {
		service.next(new Says(503, ""), new Says(500, "{\"error\":\"database\"}"));

		assertThat(lookup.verify(CHILD, "王梓轩")).isEqualTo(Verification.NAME_MISMATCH);
		assertThat(service.requests()).hasSize(3);
	}

	@Test
	void aServiceFailingEveryTimeIsUnavailableAfterTheLastAttempt() {
		service.from(new Says(500, "{\"error\":\"database\"}"));

		assertThatExceptionOfType(PopulationRegisterUnavailable.class).isThrownBy(() -> lookup.verify(CHILD, "王子轩"))
			.withMessageContaining("HTTP 500");
		assertThat(service.requests()).hasSize(ATTEMPTS);
	}

	@Test
	void aServiceThatIsNotListeningIsUnavailable() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		lookup.close();
		lookup = lookup(URI.create("http://127.0.0.1:" + closedPort));

		assertThatExceptionOfType(PopulationRegisterUnavailable.class).isThrownBy(() -> lookup.verify(CHILD, "王子轩"))
			.withMessageContaining("ConnectException");
	}

	@Test
	void aRefusedRequestIsNotTriedAgainAndDoesNotOpenTheCircuit() {
		service.from(new Says(400, "{\"error\":\"bad request\"}"));

		for (int i = 0; i < THRESHOLD + 1; i++) {
			assertThatExceptionOfType(PopulationRegisterUnavailable.class).isThrownBy(() -> lookup.verify(CHILD, "王子轩"))
				.withMessageContaining("HTTP 400");
		}

		assertThat(service.requests()).as("one request per verification").hasSize(THRESHOLD + 1);
		assertThat(lookup.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void anAnswerOutsideTheProtocolIsUnavailableNotAGuess() {
		for (String nonsense : new String[] { "<html>maintenance</html>", "{\"result\":\"PROBABLY\"}", "{}",
				"[\"MATCH\"]", "" }) {
			service.from(new Says(200, nonsense));
			int before = service.requests().size();

			assertThatExceptionOfType(PopulationRegisterUnavailable.class).as(nonsense)
				.isThrownBy(() -> lookup.verify(CHILD, "王子轩"));
			assertThat(service.requests()).as("not tried again: " + nonsense).hasSize(before + 1);
		}
	}

	@Test
	void opensTheCircuitAfterRepeatedFailuresAndSendsNothingWhileOpen() {
		service.from(new Says(503, ""));
		assertThatExceptionOfType(PopulationRegisterUnavailable.class).isThrownBy(() -> lookup.verify(CHILD, "王子轩"));
		assertThatExceptionOfType(PopulationRegisterUnavailable.class).isThrownBy(() -> lookup.verify(CHILD, "王子轩"));
		assertThat(service.requests()).as("five failures open the circuit within the second call").hasSize(THRESHOLD);
		assertThat(lookup.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

		service.from(new RegisterService.Answers());
		time.pass(OPEN_FOR.minusSeconds(1));

		assertThatExceptionOfType(PopulationRegisterUnavailable.class).isThrownBy(() -> lookup.verify(CHILD, "王子轩"))
			.withMessageContaining("circuit open");
		assertThat(service.requests()).as("nothing reaches the service while the circuit is open").hasSize(THRESHOLD);
	}

	@Test
	void closesTheCircuitWhenTheServiceHasRecovered() {
		service.from(new Says(503, ""));
		openTheCircuit();
		service.from(new RegisterService.Answers());

		time.pass(OPEN_FOR);
		assertThat(lookup.circuitState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);

		assertThat(lookup.verify(CHILD, "王子轩")).isEqualTo(Verification.MATCH);
		assertThat(lookup.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(lookup.verify(CHILD, "王梓轩")).isEqualTo(Verification.NAME_MISMATCH);
	}

	@Test
	void opensTheCircuitAgainWhenTheTrialFails() {
		service.from(new Says(503, ""));
		openTheCircuit();
		int before = service.requests().size();

		time.pass(OPEN_FOR);
		assertThatExceptionOfType(PopulationRegisterUnavailable.class).isThrownBy(() -> lookup.verify(CHILD, "王子轩"));

		assertThat(service.requests()).as("one trial, no retries into an open circuit").hasSize(before + 1);
		assertThat(lookup.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	@Test
	void keepsTheIdNumberOutOfLogsAndMessages(CapturedOutput output) {
		service.from(new Says(500, ""));

		assertThatExceptionOfType(PopulationRegisterUnavailable.class).isThrownBy(() -> lookup.verify(CHILD, "王子轩"))
			.satisfies(ex -> assertThat(ex.getMessage()).contains(CHILD.masked()).doesNotContain(CHILD.value()));
		assertThat(output.getAll()).contains(CHILD.masked()).doesNotContain(CHILD.value());
	}

	@Test
	void needsABaseUrl() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new HttpPopulationLookup(settings(null), time));
	}

	private void openTheCircuit() {
		while (lookup.circuitState() != CircuitBreaker.State.OPEN) {
			assertThatExceptionOfType(PopulationRegisterUnavailable.class)
				.isThrownBy(() -> lookup.verify(CHILD, "王子轩"));
		}
	}

	private HttpPopulationLookup lookup(URI baseUrl) {
		return new HttpPopulationLookup(settings(baseUrl), time);
	}

	/**
	 * Short timeouts and pauses, so that an outage costs the test well under a second.
	 */
	private static PopulationProperties.Http settings(URI baseUrl) {
		return new PopulationProperties.Http(baseUrl, "Bearer register-token", Duration.ofMillis(200),
				Duration.ofMillis(250),
				new PopulationProperties.Retry(ATTEMPTS, Duration.ofMillis(10), Duration.ofMillis(40)),
				new PopulationProperties.CircuitBreakerSettings(THRESHOLD, OPEN_FOR));
	}

}
