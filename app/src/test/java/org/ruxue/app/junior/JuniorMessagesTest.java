package org.ruxue.app.junior;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text of the module stands in Chinese and in English, including each transfer
 * status, stage and path step a page shows (R-J4, R-G9).
 */
class JuniorMessagesTest {

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		Properties chinese = load("i18n/junior.properties");
		Properties english = load("i18n/junior_en.properties");

		assertThat(english.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
	}

	@Test
	void everyTransferStatusStageKindAndStepHasItsText() throws IOException {
		Properties chinese = load("i18n/junior.properties");

		assertThat(Arrays.stream(TransferStatus.values()).map(TransferStatus::messageKey))
			.allMatch(chinese::containsKey);
		assertThat(Arrays.stream(TransferStage.values()).map(TransferStage::messageKey)).allMatch(chinese::containsKey);
		assertThat(Arrays.stream(TransferKind.values()).map(TransferKind::messageKey)).allMatch(chinese::containsKey);
		for (String step : new String[] { "started", "submitted", "withdrawn" }) {
			assertThat(chinese).containsKey("path.step.junior.transfer." + step);
		}
		for (TransferStage stage : TransferStage.values()) {
			assertThat(chinese).containsKeys("path.step.junior.transfer.approved-" + stage.key(),
					"path.step.junior.transfer.rejected-" + stage.key(), "junior.sms.transfer-rejected-" + stage.key());
		}
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (var in = JuniorMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
