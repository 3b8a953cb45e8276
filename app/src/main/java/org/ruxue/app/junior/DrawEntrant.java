package org.ruxue.app.junior;

import java.util.List;

/**
 * A student in a district's draw (R-J7), as the placement work builds the snapshot: the
 * pseudonymous lottery id and the choices per batch, in batch order (an empty list for a
 * batch without choices).
 */
public record DrawEntrant(String educationId, String lotteryId, List<List<String>> batches) {

	public DrawEntrant {
		batches = batches.stream().map(List::copyOf).toList();
	}

}
