package org.ruxue.app.zoning;

import java.util.List;

/**
 * The answer of the lookup: ranked candidates, best first; when there are none, whom to
 * ask.
 *
 * @param normalised the typed address as it was matched
 * @param contact the district office to ask, when nothing matched and the district is
 * known
 */
public record ZoneLookupResult(String query, String normalised, List<ZoneCandidate> candidates,
		DistrictContact contact) {

	public ZoneLookupResult {
		candidates = List.copyOf(candidates);
	}

	public boolean found() {
		return !candidates.isEmpty();
	}

}
