package org.ruxue.app.population;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ruxue.population.*}: which adapter answers for the population register (R-P11)
 * and, for the JSON service, how long to wait, how often to try and when to stop trying
 * (docs/population.md).
 *
 * @param adapter {@code local} (the register table in this database) or {@code http}
 * @param http the JSON service, used by the {@code http} adapter only
 */
@ConfigurationProperties("ruxue.population")
record PopulationProperties(@DefaultValue("local") String adapter, @DefaultValue Http http) {

	PopulationProperties {
		if (!List.of("local", "http").contains(adapter)) {
			throw new IllegalArgumentException("ruxue.population.adapter must be local or http, not " + adapter);
		}
	}

	/**
	 * @param baseUrl where the service lives; requests go to
	 * {@code {baseUrl}/v1/verifications}
	 * @param authorization the {@code Authorization} header sent with every request, if
	 * any
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for the whole answer once the request is sent
	 * @param retry how often one verification is tried
	 * @param circuitBreaker when to stop calling a failing service for a while
	 */
	record Http(URI baseUrl, @DefaultValue("") String authorization, @DefaultValue("1s") Duration connectTimeout,
			@DefaultValue("2s") Duration readTimeout, @DefaultValue Retry retry,
			@DefaultValue CircuitBreakerSettings circuitBreaker) {

	}

	/**
	 * @param maxAttempts attempts per verification, the first included
	 * @param initialBackoff the pause after the first failed attempt, doubled after each
	 * further one
	 * @param maxBackoff the longest pause
	 */
	record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("200ms") Duration initialBackoff,
			@DefaultValue("2s") Duration maxBackoff) {

		Retry {
			if (maxAttempts < 1 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
				throw new IllegalArgumentException(
						"ruxue.population.http.retry needs max-attempts >= 1 and 0 <= initial-backoff <= max-backoff");
			}
		}

		/** The pause after the given number of failed attempts (1 = the first). */
		Duration backoffAfter(int failedAttempts) {
			int doublings = Math.clamp(failedAttempts - 1, 0, 30);
			Duration pause = initialBackoff.multipliedBy(1L << doublings);
			return (pause.compareTo(maxBackoff) > 0) ? maxBackoff : pause;
		}

	}

	/**
	 * @param failureThreshold failed attempts in a row that open the circuit
	 * @param openFor how long an open circuit refuses calls before it lets a trial
	 * through
	 */
	record CircuitBreakerSettings(@DefaultValue("5") int failureThreshold, @DefaultValue("30s") Duration openFor) {

	}

}
