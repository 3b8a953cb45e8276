package org.ruxue.app.junior;

import java.util.List;

/**
 * A change the junior-entry rules refuse; each problem names the field it is about and a
 * message key the page shows in the reader's language. Nothing was written.
 */
public class PreferenceRefused extends RuntimeException {

	/**
	 * @param field the form field, or "form" for the page as a whole
	 */
	public record Problem(String field, String messageKey, List<Object> arguments) {

		public static Problem of(String field, String messageKey, Object... arguments) {
			return new Problem(field, messageKey, List.of(arguments));
		}

	}

	private final List<Problem> problems;

	public PreferenceRefused(List<Problem> problems) {
		super(problems.stream().map(Problem::messageKey).toList().toString());
		this.problems = List.copyOf(problems);
	}

	public PreferenceRefused(String field, String messageKey, Object... arguments) {
		this(List.of(Problem.of(field, messageKey, arguments)));
	}

	public List<Problem> problems() {
		return problems;
	}

}
