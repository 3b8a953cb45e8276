package org.ruxue.app.placement;

import org.ruxue.lottery.Mechanism;
import org.ruxue.lottery.TieBreaking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ruxue.placement.estimates.*}: simulated draws per estimate, when the nightly
 * estimate runs (in the city's time zone), the mechanism and tie-breaking the estimates
 * assume (the city chooses the real ones when it freezes a draw) and the threads one
 * estimate may use.
 */
@ConfigurationProperties("ruxue.placement.estimates")
record EstimateProperties(@DefaultValue("200") int runs, @DefaultValue("0 30 2 * * *") String cron,
		@DefaultValue("deferred-acceptance") Mechanism mechanism, @DefaultValue("single") TieBreaking tieBreaking,
		@DefaultValue("1") int threads) {

	static final int MAX_RUNS = 100_000;

	EstimateProperties {
		if (runs < 1 || runs > MAX_RUNS) {
			throw new IllegalArgumentException("ruxue.placement.estimates.runs must be 1 to " + MAX_RUNS);
		}
		if (threads < 1 || threads > 2) {
			// estimates share the nodes with the families' requests
			throw new IllegalArgumentException("ruxue.placement.estimates.threads must be 1 or 2");
		}
	}

}
