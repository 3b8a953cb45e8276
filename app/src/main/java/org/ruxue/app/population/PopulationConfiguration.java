package org.ruxue.app.population;

import java.time.InstantSource;
import java.util.Locale;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
	@ConditionalOnProperty(name = PopulationProperties.ADAPTER, havingValue = "local", matchIfMissing = true)
	LocalPopulationLookup localPopulationLookup(PopulationPersons persons) {
		return new LocalPopulationLookup(persons);
	}

	@Bean
	@ConditionalOnProperty(name = PopulationProperties.ADAPTER, havingValue = "http")
	HttpPopulationLookup httpPopulationLookup(PopulationProperties properties) {
		// the breaker waits in real time, not on the enrollment clock that demos move
		return new HttpPopulationLookup(properties.http(), InstantSource.system());
	}

	/**
	 * {@code ruxue.population.circuit.state{state=closed|open|half_open}}: 1 for the
	 * state the breaker is in, 0 for the others.
	 */
	@Bean
	@ConditionalOnProperty(name = PopulationProperties.ADAPTER, havingValue = "http")
	MeterBinder populationCircuitMetrics(HttpPopulationLookup lookup) {
		return registry -> {
			for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
				Gauge.builder("ruxue.population.circuit.state", lookup, l -> (l.circuitState() == state) ? 1 : 0)
					.tag("state", state.name().toLowerCase(Locale.ROOT))
					.description("The population register's circuit breaker: 1 for its current state")
					.register(registry);
			}
		};
	}

}
