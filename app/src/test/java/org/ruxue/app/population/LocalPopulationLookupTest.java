package org.ruxue.app.population;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * R-P11: the local register out of reach is no answer, not a negative one (its answers
 * are in {@code PopulationRegisterTest}).
 */
class LocalPopulationLookupTest {

	@Test
	void aDatabaseOutOfReachIsUnavailable() {
		var nowhere = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/nowhere");
		var lookup = new LocalPopulationLookup(new PopulationPersons(JdbcClient.create(nowhere), nowhere));
		IdCardNumber child = SyntheticPeople.bornOnCutoffInDongcheng("王子轩").idNumber();

		assertThatExceptionOfType(PopulationRegisterUnavailable.class).isThrownBy(() -> lookup.verify(child, "王子轩"))
			.withMessageContaining(child.masked())
			.withMessageNotContaining(child.value());
	}

}
