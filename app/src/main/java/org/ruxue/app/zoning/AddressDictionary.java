package org.ruxue.app.zoning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the address dictionary with zones, schools and aliases, for the search index. */
@Repository
class AddressDictionary {

	private final JdbcClient jdbc;

	AddressDictionary(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long version() {
		return jdbc.sql("select version from zone_dictionary_version").query(Long.class).single();
	}

	List<DictionaryEntry> all() {
		Map<String, ZoneSchool> schools = new HashMap<>();
		jdbc.sql("select code, name, level from school")
			.query((rs, n) -> new ZoneSchool(rs.getString("code"), rs.getString("name"),
					SchoolLevel.valueOf(rs.getString("level"))))
			.list()
			.forEach(s -> schools.put(s.code(), s));
		Map<Long, List<ZoneSchool>> lottery = new HashMap<>();
		jdbc.sql("select zone_id, school_code from service_zone_lottery_school order by zone_id, school_code")
			.query((rs, n) -> {
				lottery.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(schools.get(rs.getString(2)));
				return null;
			})
			.list();
		Map<Long, List<String>> aliases = new HashMap<>();
		jdbc.sql("select address_id, alias from zone_address_alias order by address_id, alias").query((rs, n) -> {
			aliases.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
			return null;
		}).list();
		return jdbc.sql("""
				select a.id, a.district_code, a.year, a.level, a.standard_text, a.building,
				       a.multi_school_compound, z.id as zone_id, z.name as zone_name, z.school_code
				from zone_address a join service_zone z on z.id = a.zone_id
				order by a.id
				""")
			.query((rs, n) -> new DictionaryEntry(rs.getLong("id"), rs.getString("district_code"), rs.getInt("year"),
					EntryLevel.valueOf(rs.getString("level")), rs.getString("standard_text"), rs.getString("building"),
					aliases.getOrDefault(rs.getLong("id"), List.of()), rs.getBoolean("multi_school_compound"),
					rs.getString("zone_name"), schools.get(rs.getString("school_code")),
					lottery.getOrDefault(rs.getLong("zone_id"), List.of())))
			.list();
	}

	Map<String, DistrictContact> contacts() {
		Map<String, DistrictContact> contacts = new HashMap<>();
		jdbc.sql("""
				select d.code, d.name, z.contact_office, z.contact_phone
				from district d left join zoning_district z on z.district_code = d.code
				""")
			.query((rs, n) -> new DistrictContact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list()
			.forEach(c -> contacts.put(c.districtCode(), c));
		return contacts;
	}

	Map<String, Integer> placeIntervals() {
		Map<String, Integer> intervals = new HashMap<>();
		jdbc.sql(
				"select district_code, place_interval_years from zoning_district where place_interval_years is not null")
			.query((rs, n) -> intervals.put(rs.getString(1), rs.getInt(2)))
			.list();
		return intervals;
	}

	java.util.List<String> gatedDistricts() {
		return jdbc.sql("select district_code from zoning_district where gated_lookup").query(String.class).list();
	}

	/** 六年一学位: the last year the home supplied a place in the district, if any. */
	Integer lastPlaceYear(String districtCode, String homeKey) {
		return jdbc.sql("select max(used_in_year) from home_place_use where district_code = ? and home_key = ?")
			.params(districtCode, homeKey)
			.query((rs, n) -> (rs.getObject(1) != null) ? rs.getInt(1) : null)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

}
