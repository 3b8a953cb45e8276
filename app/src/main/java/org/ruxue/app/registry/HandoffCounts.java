package org.ruxue.app.registry;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.ruxue.app.zoning.EntryLevel;

/** How many enrollments of a year and level stand at each status of the hand-off. */
public record HandoffCounts(int year, EntryLevel level, Map<HandoffStatus, Integer> byStatus) {

	public HandoffCounts {
		Map<HandoffStatus, Integer> all = new EnumMap<>(HandoffStatus.class);
		for (HandoffStatus status : HandoffStatus.values()) {
			all.put(status, byStatus.getOrDefault(status, 0));
		}
		byStatus = Collections.unmodifiableMap(all);
	}

	public int get(HandoffStatus status) {
		return byStatus.get(status);
	}

	public int total() {
		return byStatus.values().stream().mapToInt(Integer::intValue).sum();
	}

}
