package org.ruxue.app.population;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedIdNumbersTest {

	private static final IdCardNumber NUMBER = IdCardNumber.parse("11010519491231002X");

	private final SealedIdNumbers sealed = new SealedIdNumbers(SealedIdNumbers.DEMO_KEY, new MockEnvironment());

	@Test
	void sealedNumbersOpenAgainButShowNoDigits() {
		byte[] box = sealed.seal(NUMBER);

		assertThat(new String(box, StandardCharsets.ISO_8859_1)).doesNotContain("19491231");
		assertThat(sealed.open(box)).isEqualTo(NUMBER);
	}

	@Test
	void eachSealIsDifferentButTheLookupHashIsStable() {
		assertThat(sealed.seal(NUMBER)).isNotEqualTo(sealed.seal(NUMBER));
		assertThat(sealed.lookupHash(NUMBER)).isEqualTo(sealed.lookupHash(NUMBER)).hasSize(32);
	}

	@Test
	void tamperedDataDoesNotOpen() {
		byte[] box = sealed.seal(NUMBER);
		box[box.length - 1] ^= 1;

		assertThatThrownBy(() -> sealed.open(box)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void productionRefusesTheDemoKey() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");

		assertThatThrownBy(() -> new SealedIdNumbers(SealedIdNumbers.DEMO_KEY, prod))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void theDisplayFormIsMasked() {
		assertThat(NUMBER.masked()).isEqualTo("110105********002X");
	}

}
