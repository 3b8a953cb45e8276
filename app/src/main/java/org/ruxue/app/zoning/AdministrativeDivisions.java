package org.ruxue.app.zoning;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Beijing's districts and streets as shipped in {@code reference/} (2023 statistical
 * codes), without a database: what the start-up loader writes into the tables, and what
 * the synthetic data generators draw addresses from.
 */
public record AdministrativeDivisions(List<District> districts, List<Street> streets) {

	private static final AdministrativeDivisions BEIJING_2023 = load();

	public AdministrativeDivisions {
		districts = List.copyOf(districts);
		streets = List.copyOf(streets);
	}

	public static AdministrativeDivisions beijing2023() {
		return BEIJING_2023;
	}

	public Optional<District> district(String code) {
		return districts.stream().filter(d -> d.code().equals(code)).findFirst();
	}

	public List<Street> streetsOf(String districtCode) {
		return streets.stream().filter(s -> s.districtCode().equals(districtCode)).toList();
	}

	/** The district name in front of a street name, e.g. 东城区景山街道. */
	public String placeName(Street street) {
		return district(street.districtCode()).map(District::name).orElse("") + street.name();
	}

	private static AdministrativeDivisions load() {
		List<District> districts = ReferenceCsv.read("beijing_districts_2023.csv")
			.rows()
			.stream()
			.map(row -> new District(row.get("code"), row.get("name")))
			.toList();
		Map<String, District> byCode = districts.stream()
			.collect(Collectors.toMap(District::code, Function.identity()));
		List<Street> streets = ReferenceCsv.read("beijing_streets_2023.csv")
			.rows()
			.stream()
			.map(row -> new Street(row.get("code"), row.get("name"), row.get("areaCode")))
			.toList();
		for (Street street : streets) {
			if (!byCode.containsKey(street.districtCode()) || !street.code().startsWith(street.districtCode())) {
				throw new IllegalStateException("Street " + street + " does not belong to a Beijing district");
			}
		}
		return new AdministrativeDivisions(districts, streets);
	}

}
