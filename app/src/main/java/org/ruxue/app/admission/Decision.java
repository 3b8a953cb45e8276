package org.ruxue.app.admission;

import java.time.Instant;

import org.ruxue.app.placement.DrawId;

/**
 * A decision taken after a published result, shown beside it.
 *
 * @param schoolCode null when a correction takes the place away
 */
public record Decision(DrawId drawId, String lotteryId, DecisionKind kind, String schoolCode, String reason,
		Instant decidedAt, String decidedBy, String decidedRole) {

}
