package org.ruxue.app.placement;

/**
 * An estimated chance: the share of simulated draws with an outcome (a place at a school,
 * or none), with how far the simulation alone could be off. The interval is Wilson's 95 %
 * score interval, which stays inside 0..1 and does not shrink to a point at 0 % or 100 %
 * as the normal approximation does. It measures the simulation's sampling error only:
 * families may still change their preferences before the deadline, which no interval can
 * foresee.
 *
 * @param placedRuns the simulated draws with the outcome
 * @param runs all simulated draws
 */
public record Chance(int placedRuns, int runs) {

	/** The normal quantile of a two-sided 95 % interval. */
	static final double Z95 = 1.959963984540054;

	public Chance {
		if (runs < 1 || placedRuns < 0 || placedRuns > runs) {
			throw new IllegalArgumentException("A chance needs 0 <= placed <= runs and runs >= 1");
		}
	}

	public double share() {
		return (double) placedRuns / runs;
	}

	/** sqrt(p(1-p)/runs): the standard error of the share. */
	public double standardError() {
		double p = share();
		return Math.sqrt(p * (1 - p) / runs);
	}

	/** The lower end of the Wilson 95 % interval. */
	public double low() {
		return Math.max(0, centre() - halfWidth());
	}

	/** The upper end of the Wilson 95 % interval. */
	public double high() {
		return Math.min(1, centre() + halfWidth());
	}

	private double centre() {
		double z2 = Z95 * Z95;
		return (share() + z2 / (2.0 * runs)) / (1 + z2 / runs);
	}

	private double halfWidth() {
		double p = share();
		double z2 = Z95 * Z95;
		return Z95 / (1 + z2 / runs) * Math.sqrt(p * (1 - p) / runs + z2 / (4.0 * runs * runs));
	}

}
