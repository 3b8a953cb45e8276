package org.ruxue.app.placement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The share, its standard error and Wilson's 95 % interval, against values by hand. */
class ChanceTest {

	@Test
	void aHalfOf200HasTheTextbookStandardErrorAndWilsonInterval() {
		Chance half = new Chance(100, 200);

		assertThat(half.share()).isEqualTo(0.5);
		assertThat(half.standardError()).isCloseTo(Math.sqrt(0.25 / 200), within(1e-12));
		// (0.5 ± 1.96·sqrt(0.25/200 + 1.96²/160000)) / (1 + 1.96²/200)
		assertThat(half.low()).isCloseTo(0.43135, within(1e-4));
		assertThat(half.high()).isCloseTo(0.56865, within(1e-4));
	}

	@Test
	void certaintyStillHasAnInterval_unlikeTheNormalApproximation() {
		Chance always = new Chance(200, 200);
		Chance never = new Chance(0, 200);

		assertThat(always.standardError()).isZero();
		assertThat(always.high()).isEqualTo(1.0);
		// n / (n + z²)
		assertThat(always.low()).isCloseTo(200 / (200 + Chance.Z95 * Chance.Z95), within(1e-9));
		assertThat(never.low()).isZero();
		assertThat(never.high()).isCloseTo(1 - always.low(), within(1e-9));
	}

	@Test
	void moreRunsNarrowTheInterval() {
		Chance few = new Chance(30, 100);
		Chance many = new Chance(3000, 10000);

		assertThat(many.high() - many.low()).isLessThan((few.high() - few.low()) / 5);
		assertThat(few.low()).isLessThan(0.3);
		assertThat(few.high()).isGreaterThan(0.3);
	}

	@Test
	void refusesImpossibleCounts() {
		assertThatThrownBy(() -> new Chance(3, 2)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Chance(0, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Chance(-1, 10)).isInstanceOf(IllegalArgumentException.class);
	}

}
