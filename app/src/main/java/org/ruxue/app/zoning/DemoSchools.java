package org.ruxue.app.zoning;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The schools of the demo and of the city-scale benchmark data, so that both agree on
 * school codes: Haidian's 105 real schools from its 2024-2025 directory, and for each
 * other district 8 primary and 5 junior schools that are synthetic — their names are
 * built from the district's real street names ("北京市东城区景山街道第一小学") and stand for no real
 * school. The directory lists no capacities, so every school's seats per year (60 to 240)
 * are synthetic too.
 */
public final class DemoSchools {

	static final String HAIDIAN = "110108";

	private static final int SYNTHETIC_PRIMARY_PER_DISTRICT = 8;

	private static final int SYNTHETIC_JUNIOR_PER_DISTRICT = 5;

	private static final List<School> ALL = build(AdministrativeDivisions.beijing2023());

	private DemoSchools() {
	}

	public static List<School> all() {
		return ALL;
	}

	/**
	 * A school code: the district, a letter for the level and a sequence, e.g.
	 * 110108-P001.
	 */
	static String code(String districtCode, SchoolLevel level, int sequence) {
		return "%s-%c%03d".formatted(districtCode, level.name().charAt(0), sequence);
	}

	private static List<School> build(AdministrativeDivisions divisions) {
		List<School> schools = new ArrayList<>(haidian());
		for (District district : divisions.districts()) {
			if (!district.code().equals(HAIDIAN)) {
				schools.addAll(synthetic(district, divisions.streetsOf(district.code())));
			}
		}
		return List.copyOf(schools);
	}

	private static List<School> haidian() {
		Map<SchoolLevel, Integer> sequences = new EnumMap<>(SchoolLevel.class);
		List<School> schools = new ArrayList<>();
		for (Map<String, String> row : ReferenceCsv.read("haidian_schools_2024_2025_subset.csv").rows()) {
			SchoolLevel level = levelOf(row.get("level"));
			int sequence = sequences.merge(level, 1, Integer::sum);
			String code = code(row.get("district_code"), level, sequence);
			schools.add(new School(code, row.get("school_name"), row.get("district_code"), level,
					"公办".equals(row.get("ownership")), row.get("address"), seats(code)));
		}
		return schools;
	}

	private static List<School> synthetic(District district, List<Street> streets) {
		List<School> schools = new ArrayList<>();
		int n = streets.size();
		for (int i = 0; i < SYNTHETIC_PRIMARY_PER_DISTRICT; i++) {
			Street street = streets.get(i * n / SYNTHETIC_PRIMARY_PER_DISTRICT);
			String suffix = street.name().endsWith("街道") || street.name().endsWith("地区") ? "第一小学" : "中心小学";
			schools.add(synthetic(district, street, SchoolLevel.PRIMARY, i + 1, suffix));
		}
		for (int i = 0; i < SYNTHETIC_JUNIOR_PER_DISTRICT; i++) {
			Street street = streets.get((i * n / SYNTHETIC_JUNIOR_PER_DISTRICT + n / 10) % n);
			schools.add(synthetic(district, street, SchoolLevel.JUNIOR, i + 1, "中学"));
		}
		return schools;
	}

	private static School synthetic(District district, Street street, SchoolLevel level, int sequence, String suffix) {
		String code = code(district.code(), level, sequence);
		String place = "北京市" + district.name() + street.name();
		return new School(code, place + suffix, district.code(), level, true, place, seats(code));
	}

	private static SchoolLevel levelOf(String directoryLevel) {
		if (directoryLevel.contains("九年一贯")) {
			return SchoolLevel.NINE_YEAR;
		}
		if (directoryLevel.contains("小学")) {
			return SchoolLevel.PRIMARY;
		}
		if (directoryLevel.contains("中")) {
			return SchoolLevel.JUNIOR;
		}
		throw new IllegalStateException("Unknown school level in the Haidian directory: " + directoryLevel);
	}

	/** 2 to 8 classes of 30, the same for a code on every run. */
	private static int seats(String code) {
		return 30 * (2 + new Random(code.hashCode()).nextInt(7));
	}

}
