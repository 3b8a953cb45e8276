package org.ruxue.app.permits;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * R-P15: decisions made before a district's publication day are released on that day.
 * Every node looks now and then; {@link PermitApplications#release} locks each decision,
 * so it is released, its permit issued and its family told exactly once.
 */
@Component
class PermitReleases {

	private static final Logger log = LoggerFactory.getLogger(PermitReleases.class);

	private final PermitApplications applications;

	private final Clock clock;

	PermitReleases(PermitApplications applications, Clock clock) {
		this.applications = applications;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${ruxue.permits.release-delay:1m}")
	void run() {
		releaseDue();
	}

	/** Releases what is due by this clock; returns how many decisions. */
	int releaseDue() {
		int released = 0;
		for (PermitApplicationId id : applications.dueForRelease(clock.instant(), null)) {
			try {
				if (applications.release(id, clock.instant())) {
					released++;
				}
			}
			catch (RuntimeException ex) {
				// one decision that cannot be released does not hold up the others; it is
				// tried again next time
				log.error("Releasing permit application {} failed", id, ex);
			}
		}
		return released;
	}

}
