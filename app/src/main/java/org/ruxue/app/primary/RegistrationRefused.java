package org.ruxue.app.primary;

import java.util.List;

import org.ruxue.app.zoning.ZoneCandidate;

/**
 * The form was refused and nothing was written: each problem names its field. When the
 * address matched several dictionary addresses, {@code candidates} are offered to choose
 * from.
 */
public class RegistrationRefused extends RuntimeException {

	private final List<FieldProblem> problems;

	private final List<ZoneCandidate> candidates;

	RegistrationRefused(List<FieldProblem> problems, List<ZoneCandidate> candidates) {
		super("Registration refused: " + problems.stream().map(FieldProblem::messageKey).toList());
		this.problems = List.copyOf(problems);
		this.candidates = List.copyOf(candidates);
	}

	RegistrationRefused(FieldProblem problem) {
		this(List.of(problem), List.of());
	}

	public List<FieldProblem> problems() {
		return problems;
	}

	public List<ZoneCandidate> candidates() {
		return candidates;
	}

}
