package org.ruxue.app.notification;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutgoingMessageTest {

	@Test
	void isInChineseUnlessEnglishWasChosen() {
		var message = new OutgoingMessage("13800000000", null, "notification.account-activated", List.of());
		assertThat(message.language()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(message.inLanguage(Locale.UK).language()).isEqualTo(Locale.ENGLISH);
		assertThat(message.inLanguage(Locale.FRENCH).language()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
	}

	@Test
	void needsSomewhereToGo() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutgoingMessage(null, null, "notification.account-activated", List.of()));
	}

	@Test
	void masksNumbersForStaffPagesAndLogs() {
		assertThat(MaskedMobile.of("13812345678")).isEqualTo("138****5678");
		assertThat(new Sms(7, "13812345678", "您的验证码是 123456").toString()).doesNotContain("123456")
			.doesNotContain("13812345678");
	}

}
