package org.ruxue.app.notification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NotificationPropertiesTest {

	@Test
	void refusesAnUnknownGatewayAtStartUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NotificationProperties.Sms("smtp", null, null, null))
			.withMessageContaining("log, smpp or http");
	}

}
