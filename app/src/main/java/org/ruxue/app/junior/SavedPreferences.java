package org.ruxue.app.junior;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The preferences (志愿) that stand for a student and year: the last saved version, its
 * choices per batch number in the family's order, and the student's lottery id.
 */
public record SavedPreferences(String educationId, int year, int version, Instant savedAt, String lotteryId,
		Map<Integer, List<String>> choices) {

	public SavedPreferences {
		choices = Map.copyOf(choices);
	}

	public List<String> inBatch(int batch) {
		return choices.getOrDefault(batch, List.of());
	}

}
