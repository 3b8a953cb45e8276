package org.ruxue.app.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.ruxue.app.permits.ApplicationStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simplified Chinese by default and English complete: every bundle the platform reads
 * (`spring.messages.basename`) has the same keys in both languages, none blank, and every
 * message a page names by its key exists in both.
 */
class MessageKeysTest {

	private static final Pattern BASENAME = Pattern.compile("(?m)^\\s*basename:\\s*(\\S+)\\s*$");

	private static final Pattern PAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");

	/** Issue 12: the keys a page hands the shared next-step block as literals. */
	private static final Pattern NEXT_STEP_KEYS = Pattern.compile("next-step :: block\\('([^']+)', '([^']*)'\\)");

	@Test
	void everyBundleHasTheSameKeysInChineseAndEnglishNoneBlank() throws IOException {
		for (String bundle : bundles()) {
			Properties chinese = load(bundle + ".properties");
			Properties english = load(bundle + "_en.properties");
			assertThat(english.stringPropertyNames()).as("keys of %s in English", bundle)
				.containsExactlyInAnyOrderElementsOf(chinese.stringPropertyNames());
			for (Properties language : List.of(chinese, english)) {
				language.forEach((key, value) -> assertThat(value.toString()).as("%s in %s", key, bundle).isNotBlank());
			}
		}
	}

	@Test
	void everyMessageAPageNamesExistsInBothLanguages() throws IOException, URISyntaxException {
		Set<String> chinese = new TreeSet<>();
		Set<String> english = new TreeSet<>();
		for (String bundle : bundles()) {
			chinese.addAll(load(bundle + ".properties").stringPropertyNames());
			english.addAll(load(bundle + "_en.properties").stringPropertyNames());
		}
		List<String> missing = new ArrayList<>();
		int blocks = 0;
		Path templates = Path.of(getClass().getResource("/templates").toURI());
		try (Stream<Path> pages = Files.walk(templates)) {
			for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher key = PAGE_KEY.matcher(Files.readString(page));
				while (key.find()) {
					if (!chinese.contains(key.group(1)) || !english.contains(key.group(1))) {
						missing.add(templates.relativize(page) + ": " + key.group(1));
					}
				}
				Matcher block = NEXT_STEP_KEYS.matcher(Files.readString(page));
				while (block.find()) {
					blocks++;
					List<String> keys = new ArrayList<>(List.of(block.group(1)));
					if (!block.group(2).isEmpty()) {
						keys.addAll(List.of(block.group(2).split(",")));
					}
					for (String named : keys) {
						if (!chinese.contains(named) || !english.contains(named)) {
							missing.add(templates.relativize(page) + ": " + named);
						}
					}
				}
			}
		}
		assertThat(chinese).as("messages found").hasSizeGreaterThan(1000);
		for (ApplicationStatus stage : ApplicationStatus.values()) {
			if (!chinese.contains(stage.nextStepKey()) || !english.contains(stage.nextStepKey())) {
				missing.add("permits/application.html: " + stage.nextStepKey());
			}
		}
		assertThat(blocks).as("next-step blocks found").isGreaterThan(10);
		assertThat(missing).isEmpty();
	}

	private static List<String> bundles() throws IOException {
		try (InputStream yml = MessageKeysTest.class.getResourceAsStream("/application.yml")) {
			Matcher basename = BASENAME.matcher(new String(yml.readAllBytes(), StandardCharsets.UTF_8));
			assertThat(basename.find()).as("spring.messages.basename in application.yml").isTrue();
			return List.of(basename.group(1).split(","));
		}
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageKeysTest.class.getResourceAsStream("/" + resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
