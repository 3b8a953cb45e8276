package org.ruxue.app.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The one password rule, checked on every set (NIST SP 800-63B): at least 12 characters,
 * a passphrase welcome, and not a common or obvious password. No composition rules: they
 * make passwords harder to remember, not to guess.
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load("identity/common-passwords.txt");
	}

	/**
	 * @throws WeakPasswordException with the reason a person can act on
	 */
	void check(String password, String... personal) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			throw new WeakPasswordException("identity.password.too-short");
		}
		if (password.length() > MAX_LENGTH) {
			throw new WeakPasswordException("identity.password.too-long");
		}
		String folded = fold(password);
		if (common.contains(folded) || repetitive(folded) || sequential(folded)) {
			throw new WeakPasswordException("identity.password.common");
		}
		for (String word : personal) {
			if (word != null && word.length() >= 4 && folded.contains(fold(word))) {
				throw new WeakPasswordException("identity.password.personal");
			}
		}
	}

	private static String fold(String text) {
		return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
	}

	/** One short pattern repeated: aaaaaaaaaaaa, abcabcabcabc, 121212121212. */
	private static boolean repetitive(String text) {
		for (int period = 1; period <= 4; period++) {
			boolean repeats = true;
			for (int i = period; i < text.length() && repeats; i++) {
				repeats = text.charAt(i) == text.charAt(i - period);
			}
			if (repeats) {
				return true;
			}
		}
		return false;
	}

	/** A run up or down the alphabet or digits: 123456789012, abcdefghijkl. */
	private static boolean sequential(String text) {
		int up = 0;
		int down = 0;
		for (int i = 1; i < text.length(); i++) {
			int step = text.charAt(i) - text.charAt(i - 1);
			up += (step == 1 || step == -9) ? 1 : 0;
			down += (step == -1 || step == 9) ? 1 : 0;
		}
		return up >= text.length() - 2 || down >= text.length() - 2;
	}

	private static Set<String> load(String resource) {
		Set<String> words = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#"))
				.map(PasswordPolicy::fold)
				.forEach(words::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(words);
	}

}
