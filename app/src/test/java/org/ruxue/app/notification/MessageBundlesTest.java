package org.ruxue.app.notification;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text of the module stands in Chinese and in English. */
class MessageBundlesTest {

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		Properties chinese = load("i18n/notification.properties");
		Properties english = load("i18n/notification_en.properties");

		assertThat(english.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
		assertThat(chinese.stringPropertyNames()).allMatch(key -> key.startsWith("notification."));
		assertThat(chinese).containsKeys("notification.sms.code", "notification.password-reset-by-district",
				"notification.mobile-changed", "notification.account-activated", "notification.stage-notice");
	}

	private static Properties load(String resource) throws IOException {
		var properties = new Properties();
		try (var in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
