package org.ruxue.app.registry;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The graduate import's settings, the registry's JSON service, and the hand-off's adapter
 * chosen by {@code ruxue.registry.handoff.adapter}: {@code local} (the default) or
 * {@code http} (docs/registry.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RegistryProperties.class, HandoffProperties.class })
class RegistryConfiguration {

	@Bean
	EnrollmentRegistry enrollmentRegistry(HandoffProperties handoff, RegistryProperties registry, JdbcClient jdbc,
			Clock clock) {
		return switch (handoff.adapter()) {
			case "http" -> new HttpEnrollmentRegistry(registry.http());
			default -> new LocalEnrollmentRegistry(jdbc, clock);
		};
	}

}
