package org.ruxue.app.registry;

import java.util.List;

import org.ruxue.app.zoning.EntryLevel;

/**
 * The platform's hand-off of a year and level compared with what the student registry
 * holds (R-G3): one line per enrollment on either side.
 *
 * @param heldByRegistry how many enrollments of the year and level the registry listed
 */
public record Reconciliation(int year, EntryLevel level, int heldByRegistry, List<Line> lines) {

	public Reconciliation {
		lines = List.copyOf(lines);
	}

	/** What the comparison found for one enrollment. */
	public enum Finding {

		/** Sent (acknowledged or not) and held by the registry in the version sent. */
		PRESENT,
		/** Sent, but the registry does not hold it. */
		MISSING,
		/** Sent, but the registry holds another version of it. */
		OUTDATED,
		/** Held by the registry, but not an enrollment the platform handed over. */
		UNEXPECTED,
		/** Not sent yet, or its last attempt failed: pending or failed here. */
		NOT_SENT

	}

	/**
	 * @param status here, null for an unexpected record
	 * @param version here, null for an unexpected record
	 * @param registryVersion at the registry, null when it does not hold the record
	 * @param reference the registry's reference: as it acknowledged, else as it lists
	 * @param problem the last failure here, if any
	 */
	public record Line(Finding finding, String key, String schoolCode, HandoffStatus status, Integer version,
			Integer registryVersion, String reference, String problem) {

	}

	public int count(Finding finding) {
		return (int) lines.stream().filter(l -> l.finding() == finding).count();
	}

	/** Every line but the present ones. */
	public List<Line> discrepancies() {
		return lines.stream().filter(l -> l.finding() != Finding.PRESENT).toList();
	}

}
