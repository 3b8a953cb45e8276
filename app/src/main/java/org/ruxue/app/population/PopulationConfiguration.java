package org.ruxue.app.population;

import java.time.InstantSource;
import java.util.Locale;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The population register's adapter, chosen by {@code ruxue.population.adapter}:
 * {@code local} (the default) or {@code http}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PopulationProperties.class)
class PopulationConfiguration {

	@Bean
	PopulationLookup populationLookup(PopulationProperties properties, PopulationPersons persons) {
		return switch (properties.adapter()) {
			// the breaker waits in real time, not on the enrollment clock that demos move
			case "http" -> new HttpPopulationLookup(properties.http(), InstantSource.system());
			default -> new LocalPopulationLookup(persons);
		};
	}

	/**
	 * {@code ruxue.population.circuit.state{state=closed|open|half_open}} for the http
	 * adapter: 1 for the state its breaker is in, 0 for the others.
	 */
	@Bean
	MeterBinder populationCircuitMetrics(PopulationLookup lookup) {
		return registry -> {
			if (!(lookup instanceof HttpPopulationLookup http)) {
				return;
			}
			for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
				Gauge.builder("ruxue.population.circuit.state", http, l -> (l.circuitState() == state) ? 1 : 0)
					.tag("state", state.name().toLowerCase(Locale.ROOT))
					.description("The population register's circuit breaker: 1 for its current state")
					.register(registry);
			}
		};
	}

}
