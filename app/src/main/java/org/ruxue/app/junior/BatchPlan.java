package org.ruxue.app.junior;

import java.util.ArrayList;
import java.util.List;

/**
 * A district's batches in a year, in order. {@code version} is what an editor started
 * from (0 when the district has none yet).
 */
public record BatchPlan(String districtCode, int year, int version, List<Batch> batches) {

	public BatchPlan {
		batches = List.copyOf(batches);
	}

	/**
	 * What keeps the batches from being saved: one to {@value Batch#MAX_BATCHES} batches
	 * numbered 1, 2, … in order, each named, allowing 1 to {@value Batch#MAX_CHOICES}
	 * choices, with a scope the data can answer.
	 */
	static List<PreferenceRefused.Problem> problemsOf(List<Batch> batches) {
		List<PreferenceRefused.Problem> problems = new ArrayList<>();
		if (batches.isEmpty() || batches.size() > Batch.MAX_BATCHES) {
			problems.add(PreferenceRefused.Problem.of("form", "junior.batches.error.count", Batch.MAX_BATCHES));
		}
		for (int i = 0; i < batches.size(); i++) {
			Batch batch = batches.get(i);
			String row = Integer.toString(i + 1);
			if (batch.number() != i + 1) {
				problems.add(PreferenceRefused.Problem.of("name" + row, "junior.batches.error.order"));
			}
			if (batch.name() == null || batch.name().isBlank() || batch.name().strip().length() > 50) {
				problems.add(PreferenceRefused.Problem.of("name" + row, "junior.batches.error.name"));
			}
			if (batch.choices() < 1 || batch.choices() > Batch.MAX_CHOICES) {
				problems.add(PreferenceRefused.Problem.of("choices" + row, "junior.batches.error.choices",
						Batch.MAX_CHOICES));
			}
			if (batch.scope() == null) {
				problems.add(PreferenceRefused.Problem.of("scope" + row, "junior.batches.error.scope"));
			}
			else if (!batch.scope().offered()) {
				problems.add(PreferenceRefused.Problem.of("scope" + row, "junior.batches.error.scope-not-offered"));
			}
		}
		return problems;
	}

	String summary() {
		return String.join(" ", batches.stream().map(Batch::summary).toList());
	}

}
