package org.ruxue.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque's accessibility engine, the script that
 * {@code com.deque.html.axe-core:selenium} ships) run in the page the browser shows,
 * against WCAG 2.0 and 2.1, levels A and AA. The script is injected through WebDriver, so
 * the page's Content-Security-Policy stays as it is.
 */
public final class Axe {

	static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final String SCRIPT = load();

	private static final String RUN = """
			var done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
			  .then(function (results) {
			    done(results.violations
			      .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
			      .map(function (v) {
			        return v.id + ' (' + v.impact + '): ' + v.help + ' at '
			          + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');
			      }));
			  })
			  .catch(function (e) { done(['axe could not run: ' + e]); });
			""";

	private Axe() {
	}

	/**
	 * The serious and critical violations of the page the browser shows, each as "rule
	 * (impact): help at selector, selector".
	 */
	@SuppressWarnings("unchecked")
	public static List<String> seriousViolations(WebDriver browser) {
		JavascriptExecutor js = (JavascriptExecutor) browser;
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
			js.executeScript(SCRIPT);
		}
		return (List<String>) js.executeAsyncScript(RUN, TAGS);
	}

	private static String load() {
		try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
