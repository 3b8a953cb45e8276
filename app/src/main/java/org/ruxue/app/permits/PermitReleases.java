package org.ruxue.app.permits;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * R-P15: decisions made before a district's publication day are released on that day.
 * Every node looks now and then; {@link PermitApplications#release} locks each decision,
 * so it is released, its permit issued and its family told exactly once.
 */
@Component
class PermitReleases {

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
			if (applications.release(id, clock.instant())) {
				released++;
			}
		}
		return released;
	}

}
