package org.ruxue.app.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The one {@link Clock} every rule reads. Demos and tests may fix it or start it at
 * another moment; {@link #notice()} then says so, and every page shows it.
 */
@Configuration(proxyBeanMethods = false)
public class CityClock {

	private final ZoneId zone;

	private final OffsetDateTime fixed;

	private final OffsetDateTime startAt;

	CityClock(@Value("${ruxue.time-zone}") String zone, @Value("${ruxue.clock.fixed:}") String fixed,
			@Value("${ruxue.clock.start-at:}") String startAt) {
		this.zone = ZoneId.of(zone);
		this.fixed = StringUtils.hasText(fixed) ? OffsetDateTime.parse(fixed) : null;
		this.startAt = StringUtils.hasText(startAt) ? OffsetDateTime.parse(startAt) : null;
	}

	@Bean
	Clock clock() {
		if (fixed != null) {
			return new MovableClock(fixed.toInstant(), zone);
		}
		if (startAt != null) {
			return Clock.offset(Clock.system(zone), Duration.between(Clock.systemUTC().instant(), startAt.toInstant()));
		}
		return Clock.system(zone);
	}

	public ZoneId zone() {
		return zone;
	}

	/**
	 * Non-null when the clock is not the real time: the configured moment, for the
	 * banner.
	 */
	public OffsetDateTime notice() {
		return (fixed != null) ? fixed : startAt;
	}

	public boolean isFixed() {
		return fixed != null;
	}

}
