package org.ruxue.app.population;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The breaker that keeps the platform off a failing population register (R-P11). */
class CircuitBreakerTest {

	private final TestTime time = new TestTime();

	private final CircuitBreaker breaker = new CircuitBreaker("test", 3, Duration.ofSeconds(30), time);

	@Test
	void opensAfterTheThresholdOfFailuresInARow() {
		fail(2);
		assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(breaker.tryAcquire()).isTrue();

		breaker.failed();

		assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(breaker.tryAcquire()).isFalse();
	}

	@Test
	void aSuccessStartsTheCountAgain() {
		fail(2);
		breaker.tryAcquire();
		breaker.succeeded();
		fail(2);

		assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void refusesCallsUntilTheWaitIsOverThenLetsOneTrialThrough() {
		fail(3);
		time.pass(Duration.ofSeconds(29));
		assertThat(breaker.tryAcquire()).isFalse();

		time.pass(Duration.ofSeconds(1));

		assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
		assertThat(breaker.tryAcquire()).as("the trial").isTrue();
		assertThat(breaker.tryAcquire()).as("a second call while the trial runs").isFalse();
	}

	@Test
	void aSuccessfulTrialClosesTheCircuit() {
		fail(3);
		time.pass(Duration.ofSeconds(30));
		breaker.tryAcquire();

		breaker.succeeded();

		assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(breaker.tryAcquire()).isTrue();
		assertThat(breaker.tryAcquire()).isTrue();
	}

	@Test
	void aFailedTrialOpensTheCircuitForAnotherWait() {
		fail(3);
		time.pass(Duration.ofSeconds(30));
		breaker.tryAcquire();

		breaker.failed();

		assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
		time.pass(Duration.ofSeconds(29));
		assertThat(breaker.tryAcquire()).isFalse();
		time.pass(Duration.ofSeconds(1));
		assertThat(breaker.tryAcquire()).isTrue();
	}

	@Test
	void needsAThresholdOfAtLeastOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CircuitBreaker("test", 0, Duration.ZERO, time));
	}

	private void fail(int times) {
		for (int i = 0; i < times; i++) {
			assertThat(breaker.tryAcquire()).isTrue();
			breaker.failed();
		}
	}

}
