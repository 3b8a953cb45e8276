package org.ruxue.app.population;

import java.time.LocalDate;
import java.util.Random;

/** The birth dates of one school cohort, both ends included. */
record BirthRange(LocalDate from, LocalDate to) {

	/** R-P2: the children of age for the entry whose age cutoff is given. */
	static BirthRange ofAge(LocalDate ageCutoff) {
		return new BirthRange(ageCutoff.minusYears(1).plusDays(1), ageCutoff);
	}

	/** Born after the cutoff: refused this year (R-P2). */
	static BirthRange tooYoung(LocalDate ageCutoff) {
		return ofAge(ageCutoff.plusYears(1));
	}

	/** A year too old: registered by the district (R-P3). */
	static BirthRange overAge(LocalDate ageCutoff) {
		return ofAge(ageCutoff.minusYears(1));
	}

	/**
	 * The graduates entering junior high in the year whose primary age cutoff is given.
	 */
	static BirthRange graduating(LocalDate ageCutoff) {
		return ofAge(ageCutoff.minusYears(6));
	}

	boolean contains(LocalDate date) {
		return !date.isBefore(from) && !date.isAfter(to);
	}

	LocalDate draw(Random random) {
		return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay() + 1)));
	}

}
