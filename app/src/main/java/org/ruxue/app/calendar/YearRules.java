package org.ruxue.app.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The configurable rules of one enrollment year.
 *
 * @param ageCutoff R-P2: a child must be born on or before this day (31 August of Y-6)
 * @param zoningCutoffs R-Z4: per district code, the date after which a home's property
 * certificate puts it in multi-school zoning
 */
public record YearRules(int year, LocalDate ageCutoff, Map<String, LocalDate> zoningCutoffs) {

	public YearRules {
		zoningCutoffs = Map.copyOf(zoningCutoffs);
	}

	public Optional<LocalDate> zoningCutoff(String districtCode) {
		return Optional.ofNullable(zoningCutoffs.get(districtCode));
	}

	/** The default of the source: 31 August of the year the child turns six. */
	public static LocalDate defaultAgeCutoff(int year) {
		return LocalDate.of(year - 6, 8, 31);
	}

}
