package org.ruxue.app.placement;

import java.time.Instant;
import java.time.LocalDate;

import org.ruxue.app.zoning.EntryLevel;

/**
 * One draw as stored: the frozen snapshot's commitment (hash, draw day, the rule for the
 * entropy) and, once drawn, the entropy, seed and result's hash; once published, when and
 * by whom.
 *
 * @param scope a district's code, or 110000 for the whole city
 */
public record LotteryDraw(DrawId id, int year, EntryLevel level, String scope, String mechanism, String tieBreaking,
		String snapshotHash, int students, int schools, int seats, LocalDate drawOn, String entropyRule,
		Instant frozenAt, String frozenBy, String entropy, String seed, String resultHash, Integer placed,
		String checkVerdict, Instant drawnAt, String drawnBy, Instant publishedAt, String publishedBy) {

	public DrawStatus status() {
		if (publishedAt != null) {
			return DrawStatus.PUBLISHED;
		}
		return (resultHash != null) ? DrawStatus.DRAWN : DrawStatus.FROZEN;
	}

	public boolean drawn() {
		return resultHash != null;
	}

	public boolean published() {
		return publishedAt != null;
	}

	/** The key of the mechanism's name in the messages. */
	public String mechanismKey() {
		return "placement.mechanism." + mechanism.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
	}

	/** The key of the tie-breaking's name in the messages. */
	public String tieBreakingKey() {
		return "placement.tie-breaking." + tieBreaking.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
	}

	/** The name the downloads carry, e.g. ruxue-2017-junior-110101. */
	public String fileStem() {
		return "ruxue-" + year + "-" + level.name().toLowerCase(java.util.Locale.ROOT) + "-" + scope;
	}

}
