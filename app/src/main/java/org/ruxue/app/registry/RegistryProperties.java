package org.ruxue.app.registry;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ruxue.registry.*}: the graduate import's limits and the student registry's JSON
 * service (docs/registry.md).
 *
 * @param maxBytes the largest export file taken, below the multipart limit so that a file
 * a little too large gets the page's own message
 * @param maxRows the most data rows of one import
 * @param http the registry's JSON service; without a base URL the city uploads exports
 * only
 */
@ConfigurationProperties("ruxue.registry")
record RegistryProperties(@DefaultValue("25165824") int maxBytes, @DefaultValue("300000") int maxRows,
		@DefaultValue Http http) {

	/**
	 * @param baseUrl where the service lives; pages come from
	 * {@code {baseUrl}/v1/graduates?year=&page=&size=}
	 * @param authorization the {@code Authorization} header sent with every request, if
	 * any
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for a whole page once asked
	 * @param maxAttempts attempts per page, the first included
	 * @param backoff the pause after the first failed attempt, doubled after each further
	 * one
	 * @param pageSize graduates asked for per page
	 */
	record Http(URI baseUrl, @DefaultValue("") String authorization, @DefaultValue("2s") Duration connectTimeout,
			@DefaultValue("20s") Duration readTimeout, @DefaultValue("3") int maxAttempts,
			@DefaultValue("500ms") Duration backoff, @DefaultValue("2000") int pageSize) {

		Http {
			if (maxAttempts < 1 || backoff.isNegative() || pageSize < 1 || pageSize > 10_000) {
				throw new IllegalArgumentException(
						"ruxue.registry.http needs max-attempts >= 1, backoff >= 0 and 1 <= page-size <= 10000");
			}
		}

		boolean configured() {
			return baseUrl != null;
		}

	}

}
