package org.ruxue.app.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The security settings and every limit of docs/security.md. The defaults are the
 * production values; per-IP limits are high because many families share a carrier's
 * address (CGNAT).
 *
 * @param secureCookies whether the session cookie is marked Secure (true behind HTTPS)
 */
@ConfigurationProperties("ruxue.security")
public record SecurityProperties(@DefaultValue("false") boolean secureCookies, @DefaultValue Codes codes,
		@DefaultValue SignIn signIn) {

	/**
	 * SMS codes (R-G6).
	 *
	 * @param validity how long a code may be used
	 * @param maxWrongTries wrong codes before the code is void
	 * @param resendAfter the least time between two codes to one mobile
	 * @param perMobilePerDay codes to one mobile in 24 hours
	 * @param perIpPerHour codes requested from one IP address in an hour
	 * @param checksPerIpPerHour activations and resets started from one IP address in an
	 * hour, whether or not the register or an account matched (the register must not
	 * become an oracle for names)
	 * @param checksPerChildPerDay activations and resets started for one child's
	 * identifier in 24 hours
	 */
	public record Codes(@DefaultValue("5m") Duration validity, @DefaultValue("5") int maxWrongTries,
			@DefaultValue("60s") Duration resendAfter, @DefaultValue("10") int perMobilePerDay,
			@DefaultValue("100") int perIpPerHour, @DefaultValue("100") int checksPerIpPerHour,
			@DefaultValue("10") int checksPerChildPerDay) {
	}

	/**
	 * Sign-in attempts.
	 *
	 * @param freeFailures failures of one account before each further one costs a delay
	 * @param firstDelay the first delay; each further failure doubles it
	 * @param lockAfter failures of one account that lock it for {@code lockFor}
	 * @param lockFor how long a locked account stays locked
	 * @param failuresPerIpPerHour failed sign-ins from one IP address in an hour
	 */
	public record SignIn(@DefaultValue("3") int freeFailures, @DefaultValue("2s") Duration firstDelay,
			@DefaultValue("10") int lockAfter, @DefaultValue("15m") Duration lockFor,
			@DefaultValue("200") int failuresPerIpPerHour) {
	}

}
