package org.ruxue.app.zoning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ruxue.app.audit.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The zones of the source and of the shared data, for the demo and the tests: the
 * source's example in Chaoyang 2017 (R-Z4: 华纺易城 → 国美家园小学 for certificates up to the
 * cutoff, four schools by lottery after it) and one real Haidian school's 2025 zone.
 * Saving is idempotent, so running it twice changes nothing.
 */
final class ZoningExamples {

	static final String CHAOYANG = "110105";

	static final String HAIDIAN = "110108";

	static final String GUOMEI = "110105-P101";

	static final String RUNFENG = "110105-N101";

	static final String LUOMA = "110105-P102";

	static final String XINGHE = "110105-P103";

	static final String HUAFANG_ZONE = "华纺易城片";

	static final String YUEHUA = "北京石油学院附属小学月华分校";

	private ZoningExamples() {
	}

	static void save(ServiceZones zones, JdbcClient jdbc) {
		sourceSchools(jdbc);
		Actor demo = Actor.SYSTEM;
		zones.configureDistrict(CHAOYANG, "朝阳区教育委员会招生考试办公室", null, false, null, demo);
		zones.configureDistrict(HAIDIAN, "海淀区教育委员会招生考试办公室", null, false, 6, demo);
		zones.saveZone(new ZoneDefinition(CHAOYANG, 2017, EntryLevel.PRIMARY, HUAFANG_ZONE, GUOMEI,
				List.of(RUNFENG, GUOMEI, LUOMA, XINGHE)), demo);
		zones.saveAddress(
				new AddressMapping(CHAOYANG, 2017, EntryLevel.PRIMARY, HUAFANG_ZONE, "华纺易城", null, List.of(), false),
				demo);
		haidian(zones, jdbc, demo);
	}

	/**
	 * The source names the four schools but not their level, address or size: the
	 * addresses are left at the district, 润丰学校 is taken to be a nine-year school (its
	 * name says 学校, not 小学), and the seats are synthetic.
	 */
	private static void sourceSchools(JdbcClient jdbc) {
		List<School> schools = List.of(
				new School(GUOMEI, "北京市朝阳区国美家园小学", CHAOYANG, SchoolLevel.PRIMARY, true, "北京市朝阳区", 120),
				new School(RUNFENG, "北京市润丰学校", CHAOYANG, SchoolLevel.NINE_YEAR, true, "北京市朝阳区", 180),
				new School(LUOMA, "北京市朝阳区实验小学罗马嘉园分校", CHAOYANG, SchoolLevel.PRIMARY, true, "北京市朝阳区", 90),
				new School(XINGHE, "北京市朝阳区星河实验小学", CHAOYANG, SchoolLevel.PRIMARY, true, "北京市朝阳区", 120));
		List<School> all = new ArrayList<>(schools);
		DemoSchools.all().stream().filter(s -> s.name().equals(YUEHUA)).forEach(all::add);
		for (School school : all) {
			jdbc.sql("""
					insert into school (code, name, district_code, level, public, address, seats_per_year)
					values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
					""")
				.params(school.code(), school.name(), school.districtCode(), school.level().name(),
						school.publicSchool(), school.address(), school.seatsPerYear())
				.update();
		}
	}

	private static void haidian(ServiceZones zones, JdbcClient jdbc, Actor demo) {
		String school = jdbc.sql("select code from school where name = ? and district_code = ?")
			.params(YUEHUA, HAIDIAN)
			.query(String.class)
			.single();
		String zone = YUEHUA + "片";
		zones.saveZone(new ZoneDefinition(HAIDIAN, 2025, EntryLevel.PRIMARY, zone, school, List.of(school)), demo);
		for (Map<String, String> row : ReferenceCsv.read("haidian_zoning_example_2025.csv").rows()) {
			Entry entry = Entry.of(row.get("zone_entry"));
			zones.saveAddress(new AddressMapping(HAIDIAN, 2025, EntryLevel.PRIMARY, zone, entry.text(), null,
					entry.aliases(), "多校派位".equals(row.get("zoning_type"))), demo);
		}
	}

	/**
	 * A brochure entry: "市政三公司7号院(志新西路7号院)" is an address with another name in brackets;
	 * a short bracket ("二里庄小区(北里)") is part of the name.
	 */
	record Entry(String text, List<String> aliases) {

		static Entry of(String entry) {
			int open = entry.indexOf('(');
			int close = entry.lastIndexOf(')');
			if (open > 0 && close == entry.length() - 1 && close - open - 1 >= 4) {
				return new Entry(entry.substring(0, open), List.of(entry.substring(open + 1, close)));
			}
			return new Entry(entry, List.of());
		}

	}

}
