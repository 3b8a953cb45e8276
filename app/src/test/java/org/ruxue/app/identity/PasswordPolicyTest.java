package org.ruxue.app.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void acceptsAPassphraseOfTwelveCharactersOrMore() {
		assertThatNoException().isThrownBy(() -> policy.check("我家门口有棵大槐树吧" + "12"));
		assertThatNoException().isThrownBy(() -> policy.check("purple tractor sings"));
	}

	@Test
	void refusesFewerThanTwelveCharacters() {
		assertThatThrownBy(() -> policy.check("Sh0rt!pass")).isInstanceOf(WeakPasswordException.class)
			.hasMessage("identity.password.too-short");
	}

	@Test
	void refusesCommonPasswordsFromTheShippedListWhateverTheirCase() {
		assertThatThrownBy(() -> policy.check("Password1234")).hasMessage("identity.password.common");
		assertThatThrownBy(() -> policy.check("WOAINI5201314")).hasMessage("identity.password.common");
		assertThatThrownBy(() -> policy.check("1qaz2wsx3edc")).hasMessage("identity.password.common");
	}

	@Test
	void refusesRepetitionsAndRunsByRule() {
		assertThatThrownBy(() -> policy.check("aaaaaaaaaaaaaa")).hasMessage("identity.password.common");
		assertThatThrownBy(() -> policy.check("abcabcabcabc")).hasMessage("identity.password.common");
		assertThatThrownBy(() -> policy.check("34567890123456")).hasMessage("identity.password.common");
	}

	@Test
	void refusesThePersonsOwnUsername() {
		assertThatThrownBy(() -> policy.check("district-110101 rocks", "district-110101"))
			.hasMessage("identity.password.personal");
	}

	@Test
	void mobileNumbersAreMaskedOnScreen() {
		assertThat(MobileNumber.parse("+86 138-0013-8000").masked()).isEqualTo("138****8000");
	}

}
