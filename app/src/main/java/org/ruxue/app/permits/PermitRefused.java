package org.ruxue.app.permits;

import java.util.List;

/** A step of the permit review was refused and nothing was written. */
public class PermitRefused extends RuntimeException {

	private final List<PermitProblem> problems;

	PermitRefused(List<PermitProblem> problems) {
		super("Permit step refused: " + problems.stream().map(PermitProblem::messageKey).toList());
		this.problems = List.copyOf(problems);
	}

	PermitRefused(PermitProblem problem) {
		this(List.of(problem));
	}

	PermitRefused(String field, String messageKey, Object... arguments) {
		this(PermitProblem.of(field, messageKey, arguments));
	}

	public List<PermitProblem> problems() {
		return problems;
	}

}
