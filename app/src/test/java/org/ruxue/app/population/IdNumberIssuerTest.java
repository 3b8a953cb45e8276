package org.ruxue.app.population;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Synthetic numbers are issued like a hukou office's: valid, of the right sex, never
 * twice.
 */
class IdNumberIssuerTest {

	private static final LocalDate CUTOFF = LocalDate.of(2011, 8, 31);

	@Test
	void issuesEverySequenceOfADayAndPlaceOnceWithTheSexInTheSeventeenthDigit() {
		var issuer = IdNumberIssuer.forCityScale();

		List<IdCardNumber> boys = issueAll(issuer, Sex.MALE);
		List<IdCardNumber> girls = issueAll(issuer, Sex.FEMALE);

		assertThat(boys).hasSize(401).doesNotHaveDuplicates().allSatisfy(number -> {
			assertThat(number.isMale()).isTrue();
			assertThat(number.birthDate()).isEqualTo(CUTOFF);
			assertThat(number.addressCode()).isEqualTo("110101");
		});
		assertThat(girls).doesNotHaveDuplicates().allSatisfy(number -> assertThat(number.isMale()).isFalse());
	}

	@Test
	void theDemoAndTheCityScaleDataNeverShareANumber() {
		List<IdCardNumber> demo = issueAll(IdNumberIssuer.forDemo(), Sex.FEMALE);
		List<IdCardNumber> cityScale = issueAll(IdNumberIssuer.forCityScale(), Sex.FEMALE);

		assertThat(Stream.concat(demo.stream(), cityScale.stream())).hasSize(97 + 401).doesNotHaveDuplicates();
	}

	@Test
	void refusesOneMoreBoyOfTheSameDayAndPlaceThanItsBlockHolds() {
		var issuer = IdNumberIssuer.forDemo();
		issueAll(issuer, Sex.MALE);

		assertThatThrownBy(() -> issuer.issue("110101", CUTOFF, Sex.MALE)).isInstanceOf(IllegalStateException.class);
		assertThat(issuer.issue("110102", CUTOFF, Sex.MALE).addressCode()).isEqualTo("110102");
	}

	private static List<IdCardNumber> issueAll(IdNumberIssuer issuer, Sex sex) {
		return IntStream.range(0, issuer.perKey()).mapToObj(i -> issuer.issue("110101", CUTOFF, sex)).toList();
	}

}
