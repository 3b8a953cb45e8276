package org.ruxue.app.notification;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackoffTest {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(1), 5);

	@Test
	void doublesTheDelayAfterEachFailedAttemptUpToTheCap() {
		assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(40));
		assertThat(backoff.after(4)).isEqualTo(Duration.ofMinutes(1));
		assertThat(backoff.after(1000)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void givesUpAfterTheLastAttempt() {
		assertThat(backoff.exhausted(4)).isFalse();
		assertThat(backoff.exhausted(5)).isTrue();
	}

	@Test
	void refusesACapBelowTheFirstDelay() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3));
	}

}
