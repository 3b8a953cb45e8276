package org.ruxue.app.zoning;

import java.util.List;

/** Data a district officer entered cannot be saved; nothing was written. */
public class InvalidZoningData extends RuntimeException {

	private final transient List<ZoningProblem> problems;

	public InvalidZoningData(List<ZoningProblem> problems) {
		super(problems.stream().map(ZoningProblem::messageKey).toList().toString());
		this.problems = List.copyOf(problems);
	}

	public InvalidZoningData(ZoningProblem problem) {
		this(List.of(problem));
	}

	public List<ZoningProblem> problems() {
		return problems;
	}

}
