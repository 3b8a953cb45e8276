package org.ruxue.app.junior;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the junior pages share: refusals in the reader's language, next to their field.
 */
@Component
class PreferencePages {

	private final MessageSource messages;

	PreferencePages(MessageSource messages) {
		this.messages = messages;
	}

	/** Field → message; "form" holds the page's own problems. */
	Map<String, String> messages(List<PreferenceRefused.Problem> problems) {
		Map<String, String> resolved = new LinkedHashMap<>();
		for (PreferenceRefused.Problem problem : problems) {
			String text = messages.getMessage(problem.messageKey(),
					problem.arguments().stream().map(String::valueOf).toArray(), problem.messageKey(),
					LocaleContextHolder.getLocale());
			resolved.merge(problem.field(), text, (a, b) -> a + " " + b);
		}
		return resolved;
	}

}
