package org.ruxue.app.opportunity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruxue.app.zoning.School;

/**
 * A general public junior high with its figures of every imported year, oldest first.
 */
public record JuniorHighProfile(School school, String districtName, List<YearFigures> years) {

	public JuniorHighProfile {
		years = List.copyOf(years);
	}

	public Optional<YearFigures> latest() {
		return years.isEmpty() ? Optional.empty() : Optional.of(years.getLast());
	}

	public Optional<YearFigures> year(int year) {
		return years.stream().filter(y -> y.year() == year).findFirst();
	}

	/**
	 * The quality high schools that allotted places in any year, by code, with the name
	 * they were last imported under.
	 */
	public Map<String, String> highSchools() {
		Map<String, String> names = new LinkedHashMap<>();
		years.stream()
			.flatMap(y -> y.quotas().stream())
			.sorted(java.util.Comparator.comparing(QuotaPlaces::highSchoolCode))
			.forEach(q -> names.put(q.highSchoolCode(), q.highSchoolName()));
		return names;
	}

}
