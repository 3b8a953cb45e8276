package org.ruxue.app.population;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops calling a service that keeps failing, so that an outage costs the callers no
 * waiting and the service no load: {@code failureThreshold} failures in a row open the
 * circuit, which refuses every call for {@code openFor}; then one trial call is let
 * through (half-open), and its success closes the circuit while its failure opens it
 * again. Timed by real time, never by the enrollment clock, which demos and tests move.
 */
final class CircuitBreaker {

	private static final Logger log = LoggerFactory.getLogger(CircuitBreaker.class);

	enum State {

		CLOSED, OPEN, HALF_OPEN

	}

	private final String name;

	private final int failureThreshold;

	private final Duration openFor;

	private final InstantSource time;

	private State state = State.CLOSED;

	private int failuresInARow;

	private Instant openedAt;

	private boolean trialInFlight;

	CircuitBreaker(String name, int failureThreshold, Duration openFor, InstantSource time) {
		if (failureThreshold < 1 || openFor.isNegative()) {
			throw new IllegalArgumentException("A circuit breaker needs a threshold of at least 1 and openFor >= 0");
		}
		this.name = name;
		this.failureThreshold = failureThreshold;
		this.openFor = openFor;
		this.time = time;
	}

	/**
	 * Whether a call may go ahead now. Every call let through must report back with
	 * {@link #succeeded()} or {@link #failed()}.
	 */
	synchronized boolean tryAcquire() {
		return switch (current()) {
			case CLOSED -> true;
			case OPEN -> false;
			case HALF_OPEN -> {
				if (trialInFlight) {
					yield false;
				}
				trialInFlight = true;
				yield true;
			}
		};
	}

	synchronized void succeeded() {
		if (state != State.CLOSED) {
			log.info("Circuit {} closed: the service answers again", name);
		}
		state = State.CLOSED;
		failuresInARow = 0;
		trialInFlight = false;
	}

	synchronized void failed() {
		failuresInARow++;
		if (state == State.HALF_OPEN || (state == State.CLOSED && failuresInARow >= failureThreshold)) {
			open();
		}
	}

	synchronized State state() {
		return current();
	}

	/** The state, moved on from OPEN to HALF_OPEN once the wait is over. */
	private State current() {
		if (state == State.OPEN && !time.instant().isBefore(openedAt.plus(openFor))) {
			state = State.HALF_OPEN;
			trialInFlight = false;
		}
		return state;
	}

	private void open() {
		log.warn("Circuit {} open for {} after {} failures in a row", name, openFor, failuresInARow);
		state = State.OPEN;
		openedAt = time.instant();
		trialInFlight = false;
	}

}
