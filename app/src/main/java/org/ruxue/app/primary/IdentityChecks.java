package org.ruxue.app.primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ruxue.app.population.PopulationRegister;
import org.ruxue.app.population.PopulationRegisterUnavailable;
import org.ruxue.app.population.Verification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The identity check of R-P11, asynchronous: submitting never waits for the population
 * register. Every node claims due registrations with SKIP LOCKED and a lease, asks the
 * register about the child and each guardian, and records verified or the first field
 * that did not match. When the register cannot answer, the registration stays pending and
 * is asked again after a growing pause (up to {@link #MAX_PAUSE}); nothing is lost.
 */
@Component
class IdentityChecks {

	private static final Logger log = LoggerFactory.getLogger(IdentityChecks.class);

	static final Duration LEASE = Duration.ofMinutes(2);

	static final Duration MAX_PAUSE = Duration.ofMinutes(10);

	private final PrimaryRegistrations registrations;

	private final PopulationRegister register;

	private final Clock clock;

	private final int batch;

	IdentityChecks(PrimaryRegistrations registrations, PopulationRegister register, Clock clock,
			@Value("${ruxue.primary.identity-check-batch:50}") int batch) {
		this.registrations = registrations;
		this.register = register;
		this.clock = clock;
		this.batch = batch;
	}

	@Scheduled(fixedDelayString = "${ruxue.primary.identity-check-delay:1s}")
	void checkDue() {
		checkDue(clock.instant());
	}

	/** Checks what is due at {@code now}; returns how many the register answered. */
	int checkDue(Instant now) {
		List<Registration> due = registrations.claimDueChecks(now, batch, LEASE);
		int answered = 0;
		for (Registration registration : due) {
			try {
				registrations.recordCheck(registration.id(), firstMismatch(registration));
				answered++;
			}
			catch (PopulationRegisterUnavailable ex) {
				Instant retry = now.plus(pause(registration.verifyAttempts()));
				log.warn("Population register unavailable for registration {}: {}; asking again at {}",
						registration.number(), ex.getMessage(), retry);
				registrations.postponeCheck(registration.id(), retry);
			}
		}
		return answered;
	}

	/**
	 * The field a family must correct, named for the page (R-P11): the child's name or ID
	 * number, or a guardian's.
	 */
	private String firstMismatch(Registration r) {
		String child = field(register.verify(r.childIdNumber(), r.childName()), "child");
		if (child != null) {
			return child;
		}
		for (Registration.Guardian g : r.guardians()) {
			String guardian = field(register.verify(g.idNumber(), g.name()), "guardian" + g.position());
			if (guardian != null) {
				return guardian;
			}
		}
		return null;
	}

	private static String field(Verification verification, String who) {
		return switch (verification) {
			case MATCH -> null;
			case NAME_MISMATCH -> who + "Name";
			case NOT_FOUND -> who + "IdNumber";
		};
	}

	/** 30 s, 1 min, 2 min … up to ten minutes. */
	static Duration pause(int attempts) {
		long seconds = 30L << Math.min(Math.max(attempts, 0), 10);
		return Duration.ofSeconds(Math.min(seconds, MAX_PAUSE.toSeconds()));
	}

}
