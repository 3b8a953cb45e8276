package org.ruxue.app.registry;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ruxue.registry.handoff.*}: how new enrollments reach the student registry (R-G3,
 * docs/registry.md). The {@code http} adapter calls the service of
 * {@code ruxue.registry.http.*}, with its timeouts, attempts and backoff.
 *
 * @param adapter {@code local} (the registry's copy in a table of this database) or
 * {@code http}
 * @param batchSize enrollments per request
 * @param claimFor how long a sender holds the enrollments it took: after that, another
 * send may take them again (their sender died mid-send); longer than a batch's every
 * attempt
 */
@ConfigurationProperties("ruxue.registry.handoff")
record HandoffProperties(@DefaultValue("local") String adapter, @DefaultValue("500") int batchSize,
		@DefaultValue("10m") Duration claimFor) {

	HandoffProperties {
		if (!List.of("local", "http").contains(adapter)) {
			throw new IllegalArgumentException("ruxue.registry.handoff.adapter must be local or http, not " + adapter);
		}
		if (batchSize < 1 || batchSize > 5_000 || claimFor.isNegative() || claimFor.isZero()) {
			throw new IllegalArgumentException(
					"ruxue.registry.handoff needs 1 <= batch-size <= 5000 and a positive claim-for");
		}
	}

}
