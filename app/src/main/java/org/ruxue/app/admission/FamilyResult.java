package org.ruxue.app.admission;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruxue.app.placement.LotteryDraw;
import org.ruxue.app.placement.Outcome;

/**
 * What a family sees of a published draw (R-G8): the child's lottery id and number, each
 * choice with what became of it and the school's cutoff, and any decision taken since,
 * beside the original result.
 *
 * @param schoolNames the names of the schools the page mentions, by code
 */
public record FamilyResult(LotteryDraw draw, String childName, Outcome outcome, List<Decision> decisions,
		Map<String, String> schoolNames) {

	public FamilyResult {
		decisions = List.copyOf(decisions);
		schoolNames = Map.copyOf(schoolNames);
	}

	/** The decision that stands now, if any was taken after the result. */
	public Optional<Decision> standing() {
		return decisions.isEmpty() ? Optional.empty() : Optional.of(decisions.get(decisions.size() - 1));
	}

	public String schoolName(String code) {
		return (code == null) ? null : schoolNames.getOrDefault(code, code);
	}

}
