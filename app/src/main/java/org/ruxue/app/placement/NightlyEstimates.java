package org.ruxue.app.placement;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night (by default at 02:30 in the city's time zone) the districts' chances are
 * estimated again over the preferences saved that day. Every node's scheduler fires; the
 * night's row in the database lets one of them run it, cluster-wide.
 */
@Component
class NightlyEstimates {

	private final ChanceEstimates estimates;

	NightlyEstimates(ChanceEstimates estimates) {
		this.estimates = estimates;
	}

	@Scheduled(cron = "${ruxue.placement.estimates.cron:0 30 2 * * *}", zone = "${ruxue.time-zone}")
	void tonight() {
		estimates.nightly();
	}

}
