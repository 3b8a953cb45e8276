package org.ruxue.app.population;

import javax.sql.DataSource;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ruxue.population.*} chooses the adapter behind the register's facade (R-P11),
 * wired as the application wires it, without a database.
 */
class PopulationConfigurationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/nowhere"))
		.withBean(JdbcClient.class,
				() -> JdbcClient.create(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/nowhere")))
		.withBean(PopulationPersons.class)
		.withUserConfiguration(PopulationConfiguration.class)
		.withBean(PopulationRegister.class);

	@Test
	void answersFromTheLocalRegisterByDefault() {
		context.run(app -> {
			assertThat(app).hasNotFailed();
			assertThat(app.getBean(PopulationLookup.class)).isInstanceOf(LocalPopulationLookup.class);
			var registry = new SimpleMeterRegistry();
			app.getBean(MeterBinder.class).bindTo(registry);
			assertThat(registry.find("ruxue.population.circuit.state").gauges()).isEmpty();
		});
	}

	@Test
	void asksTheJsonServiceWhenConfiguredSo() {
		IdCardNumber child = SyntheticPeople.bornOnCutoffInDongcheng("王子轩").idNumber();
		try (RegisterService service = RegisterService.start().holds(child, "王子轩")) {
			context
				.withPropertyValues("ruxue.population.adapter=http",
						"ruxue.population.http.base-url=" + service.baseUrl(),
						"ruxue.population.http.authorization=Bearer from-properties",
						"ruxue.population.http.read-timeout=300ms", "ruxue.population.http.retry.max-attempts=2",
						"ruxue.population.http.circuit-breaker.failure-threshold=2")
				.run(app -> {
					assertThat(app).hasSingleBean(HttpPopulationLookup.class)
						.doesNotHaveBean(LocalPopulationLookup.class);

					assertThat(app.getBean(PopulationRegister.class).verify(child.value(), "王子轩"))
						.isEqualTo(Verification.MATCH);
					assertThat(service.requests()).singleElement()
						.satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer from-properties"));

					service.from(new RegisterService.Says(502, ""));
					var registry = new SimpleMeterRegistry();
					app.getBean(MeterBinder.class).bindTo(registry);
					assertThat(circuit(registry, "closed")).isEqualTo(1.0);
					try {
						app.getBean(PopulationRegister.class).verify(child, "王子轩");
					}
					catch (PopulationRegisterUnavailable expected) {
						// two attempts, two failures: the threshold
					}
					assertThat(service.requests()).hasSize(3);
					assertThat(circuit(registry, "open")).isEqualTo(1.0);
					assertThat(circuit(registry, "closed")).isZero();
				});
		}
	}

	@Test
	void refusesAnAdapterItDoesNotKnow() {
		context.withPropertyValues("ruxue.population.adapter=ldap")
			.run(app -> assertThat(app).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("ruxue.population.adapter must be local or http"));
	}

	@Test
	void refusesTheHttpAdapterWithoutABaseUrl() {
		context.withPropertyValues("ruxue.population.adapter=http")
			.run(app -> assertThat(app).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("ruxue.population.http.base-url is required"));
	}

	private static double circuit(SimpleMeterRegistry registry, String state) {
		return registry.get("ruxue.population.circuit.state").tag("state", state).gauge().value();
	}

}
