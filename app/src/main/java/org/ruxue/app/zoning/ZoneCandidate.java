package org.ruxue.app.zoning;

import java.util.List;

/**
 * A dictionary address offered for what the parent typed, with its zone, the school or
 * schools under each rule that can apply, and why it was offered.
 *
 * @param address the standard address
 * @param match why it matched
 * @param matchedText the standard text or alias it matched
 * @param differences characters that differ (0 for exact and alias matches)
 * @param ignored what the normalisation took off the typed address (city, district,
 * building-unit-room)
 * @param outcomes one outcome, or both sides of the cutoff when no certificate date was
 * given
 * @param homeLastUsedIn 六年一学位: the last year this home supplied a place, null when
 * unknown
 * @param homeFreeFrom the first year it may supply one again, null when unknown
 */
public record ZoneCandidate(String address, String districtCode, String districtName, int year, EntryLevel level,
		String zone, MatchKind match, String matchedText, int differences, List<String> ignored,
		List<ZoningOutcome> outcomes, Integer homeLastUsedIn, Integer homeFreeFrom) {

	public ZoneCandidate {
		ignored = List.copyOf(ignored);
		outcomes = List.copyOf(outcomes);
	}

}
