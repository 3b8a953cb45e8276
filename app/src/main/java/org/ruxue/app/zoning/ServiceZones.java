package org.ruxue.app.zoning;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.ruxue.app.audit.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How districts maintain zones and the address dictionary (R-P5, R-Z1, R-Z4). Saving is
 * idempotent: a zone is keyed by district, year, level and name, an address by district,
 * year, level and standard text, and saving what is stored already writes nothing and
 * goes on no record, so that a re-import changes nothing.
 */
@Service
public class ServiceZones {

	private static final String ZONES = """
			select z.id, z.district_code, z.year, z.level, z.name, z.school_code,
			       array(select l.school_code from service_zone_lottery_school l where l.zone_id = z.id
			             order by l.school_code) as lottery,
			       (select count(*) from zone_address a where a.zone_id = z.id) as addresses
			from service_zone z
			""";

	private static final String ADDRESSES = """
			select a.id, a.district_code, a.year, a.level, z.name as zone_name, a.standard_text, a.building,
			       a.multi_school_compound,
			       array(select s.alias from zone_address_alias s where s.address_id = a.id order by s.alias) as aliases
			from zone_address a join service_zone z on z.id = a.zone_id
			""";

	private final JdbcClient jdbc;

	private final DictionaryChanges changes;

	ServiceZones(JdbcClient jdbc, DictionaryChanges changes) {
		this.jdbc = jdbc;
		this.changes = changes;
	}

	/** The district's zones of the year, by level and name. */
	public List<ZoneView> zones(String districtCode, int year) {
		return jdbc.sql(ZONES + " where z.district_code = ? and z.year = ? order by z.level desc, z.name")
			.params(districtCode, year)
			.query(ServiceZones::zone)
			.list();
	}

	public Optional<ZoneView> zone(long id) {
		return jdbc.sql(ZONES + " where z.id = ?").param(id).query(ServiceZones::zone).optional();
	}

	/**
	 * The junior highs serving the homes a primary school serves in a year: the junior
	 * zones that map an address of a primary zone of the school (its own school or one of
	 * its lottery set). Empty when the district drew no junior zones over those
	 * addresses; a student's own area (R-J7) is known no better than this.
	 */
	public List<String> juniorSchoolsOfPrimaryArea(String primarySchoolCode, int year) {
		return jdbc
			.sql("""
					with primary_zone as (
					  select z.id from service_zone z
					  where z.level = 'PRIMARY' and z.year = ?
					    and (z.school_code = ? or exists (select 1 from service_zone_lottery_school l
					                                      where l.zone_id = z.id and l.school_code = ?))),
					junior_zone as (
					  select distinct j.zone_id from zone_address j
					  join zone_address p on p.district_code = j.district_code and p.year = j.year
					                     and p.standard_text = j.standard_text
					  where j.level = 'JUNIOR' and p.level = 'PRIMARY' and p.zone_id in (select id from primary_zone))
					select z.school_code from service_zone z where z.id in (select zone_id from junior_zone)
					union
					select l.school_code from service_zone_lottery_school l where l.zone_id in (select zone_id from junior_zone)
					order by 1
					""")
			.params(year, primarySchoolCode, primarySchoolCode)
			.query(String.class)
			.list();
	}

	/** The years the district has zones for, newest first. */
	public List<Integer> years(String districtCode) {
		return jdbc.sql("select distinct year from service_zone where district_code = ? order by year desc")
			.param(districtCode)
			.query(Integer.class)
			.list();
	}

	/**
	 * The district's addresses of the year whose text, alias or zone contains the text.
	 */
	public Listing<AddressView> addresses(String districtCode, int year, String text, int page, int pageSize) {
		String like = "%" + ((text == null) ? "" : text.strip().replace("%", "").replace("_", "\\_")) + "%";
		String where = """
				 where a.district_code = ? and a.year = ?
				 and (a.standard_text ilike ? or z.name ilike ?
				      or exists (select 1 from zone_address_alias s where s.address_id = a.id and s.alias ilike ?))
				""";
		long total = jdbc.sql("select count(*) from zone_address a join service_zone z on z.id = a.zone_id" + where)
			.params(districtCode, year, like, like, like)
			.query(Long.class)
			.single();
		List<AddressView> items = jdbc.sql(ADDRESSES + where + " order by a.standard_text, a.level limit ? offset ?")
			.params(districtCode, year, like, like, like, pageSize, Math.max(0, (page - 1) * pageSize))
			.query(ServiceZones::address)
			.list();
		return new Listing<>(items, page, pageSize, total);
	}

	/** Every address of the district and year, for an import to compare with. */
	public List<AddressView> addressesOf(String districtCode, int year) {
		return jdbc.sql(ADDRESSES + " where a.district_code = ? and a.year = ? order by a.id")
			.params(districtCode, year)
			.query(ServiceZones::address)
			.list();
	}

	public Optional<AddressView> address(long id) {
		return jdbc.sql(ADDRESSES + " where a.id = ?").param(id).query(ServiceZones::address).optional();
	}

	/**
	 * What keeps a zone from being saved: each of its schools must exist, be in the
	 * zone's district and take the zone's entry (a nine-year school takes both).
	 * @param schools the schools by code
	 */
	public static List<ZoningProblem> problemsOf(ZoneDefinition zone, Function<String, Optional<School>> schools) {
		List<ZoningProblem> problems = new ArrayList<>();
		check(zone, zone.schoolCode(), "school_code", schools, problems);
		for (String code : zone.lotterySchoolCodes()) {
			check(zone, code, "lottery_school_codes", schools, problems);
		}
		return problems;
	}

	private static void check(ZoneDefinition zone, String code, String field,
			Function<String, Optional<School>> schools, List<ZoningProblem> problems) {
		Optional<School> school = schools.apply(code);
		if (school.isEmpty()) {
			problems.add(ZoningProblem.of(field, "zoning.admin.error.school-unknown", code));
		}
		else if (!school.get().districtCode().equals(zone.districtCode())) {
			problems.add(ZoningProblem.of(field, "zoning.admin.error.school-not-in-district", code));
		}
		else if (zone.level() == EntryLevel.PRIMARY ? !school.get().level().takesPrimaryEntry()
				: !school.get().level().takesJuniorEntry()) {
			problems.add(ZoningProblem.of(field, "zoning.admin.error.school-level-mismatch", code));
		}
	}

	/**
	 * Adds the zone or replaces its schools.
	 * @throws InvalidZoningData when a school is unknown, of another district or does not
	 * take the zone's entry
	 */
	@Transactional
	public long saveZone(ZoneDefinition zone, Actor by) {
		List<ZoningProblem> problems = problemsOf(zone, this::school);
		if (!problems.isEmpty()) {
			throw new InvalidZoningData(problems);
		}
		Optional<ZoneView> before = jdbc
			.sql(ZONES + " where z.district_code = ? and z.year = ? and z.level = ? and z.name = ?")
			.params(zone.districtCode(), zone.year(), zone.level().name(), zone.name())
			.query(ServiceZones::zone)
			.optional();
		if (before.isPresent() && sameZone(before.get().definition(), zone)) {
			return before.get().id();
		}
		long id = jdbc.sql("""
				insert into service_zone (district_code, year, level, name, school_code) values (?, ?, ?, ?, ?)
				on conflict (district_code, year, level, name) do update set school_code = excluded.school_code
				returning id
				""")
			.params(zone.districtCode(), zone.year(), zone.level().name(), zone.name(), zone.schoolCode())
			.query(Long.class)
			.single();
		writeLotterySchools(id, zone);
		changes.record(ZoneDictionaryChanged.saved(by, "service-zone", zone.subjectId(),
				before.map(z -> summary(z.definition())).orElse(null), summary(zone)));
		return id;
	}

	/**
	 * Changes a stored zone, its name included; its addresses stay with it.
	 * @throws InvalidZoningData as {@link #saveZone}, or when another zone of the year
	 * has the new name
	 */
	@Transactional
	public void replaceZone(long id, ZoneDefinition zone, Actor by) {
		ZoneView before = zone(id)
			.orElseThrow(() -> new InvalidZoningData(ZoningProblem.of(null, "zoning.admin.error.zone-gone")));
		ZoneDefinition old = before.definition();
		if (!old.districtCode().equals(zone.districtCode()) || old.year() != zone.year()
				|| old.level() != zone.level()) {
			throw new IllegalArgumentException("A zone keeps its district, year and level");
		}
		List<ZoningProblem> problems = new ArrayList<>(problemsOf(zone, this::school));
		if (!old.name().equals(zone.name()) && jdbc
			.sql("select count(*) from service_zone where district_code = ? and year = ? and level = ? and name = ?")
			.params(zone.districtCode(), zone.year(), zone.level().name(), zone.name())
			.query(Long.class)
			.single() > 0) {
			problems.add(ZoningProblem.of("zone_name", "zoning.admin.error.zone-name-taken", zone.name()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidZoningData(problems);
		}
		if (sameZone(old, zone)) {
			return;
		}
		jdbc.sql("update service_zone set name = ?, school_code = ? where id = ?")
			.params(zone.name(), zone.schoolCode(), id)
			.update();
		writeLotterySchools(id, zone);
		changes.record(ZoneDictionaryChanged.saved(by, "service-zone", zone.subjectId(), summary(old), summary(zone)));
	}

	/** Deletes the zone and, with it, its address mappings. */
	@Transactional
	public void deleteZone(long id, Actor by) {
		ZoneView zone = zone(id)
			.orElseThrow(() -> new InvalidZoningData(ZoningProblem.of(null, "zoning.admin.error.zone-gone")));
		jdbc.sql("delete from service_zone where id = ?").param(id).update();
		changes.record(ZoneDictionaryChanged.deleted(by, "service-zone", zone.definition().subjectId(),
				summary(zone.definition()) + " addresses=" + zone.addresses()));
	}

	/**
	 * Adds the address or replaces its mapping.
	 * @throws InvalidZoningData when its zone does not exist
	 */
	@Transactional
	public long saveAddress(AddressMapping address, Actor by) {
		Long zone = zoneId(address);
		Optional<AddressView> before = jdbc
			.sql(ADDRESSES + " where a.district_code = ? and a.year = ? and a.level = ? and a.standard_text = ?")
			.params(address.districtCode(), address.year(), address.level().name(), address.standardText())
			.query(ServiceZones::address)
			.optional();
		if (before.isPresent() && sameAddress(before.get().mapping(), address)) {
			return before.get().id();
		}
		long id = jdbc.sql("""
				insert into zone_address (zone_id, district_code, year, level, standard_text, building,
				                          multi_school_compound)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (district_code, year, level, standard_text) do update
				set zone_id = excluded.zone_id, building = excluded.building,
				    multi_school_compound = excluded.multi_school_compound
				returning id
				""")
			.params(zone, address.districtCode(), address.year(), address.level().name(), address.standardText(),
					address.building(), address.multiSchoolCompound())
			.query(Long.class)
			.single();
		writeAliases(id, address);
		changes.record(ZoneDictionaryChanged.saved(by, "zone-address", address.subjectId(),
				before.map(a -> summary(a.mapping())).orElse(null), summary(address)));
		return id;
	}

	/**
	 * Changes a stored address mapping, its standard text included.
	 * @throws InvalidZoningData when its zone does not exist or another address of the
	 * year and level has the new text
	 */
	@Transactional
	public void replaceAddress(long id, AddressMapping address, Actor by) {
		AddressView before = address(id)
			.orElseThrow(() -> new InvalidZoningData(ZoningProblem.of(null, "zoning.admin.error.address-gone")));
		AddressMapping old = before.mapping();
		if (!old.districtCode().equals(address.districtCode()) || old.year() != address.year()) {
			throw new IllegalArgumentException("An address keeps its district and year");
		}
		Long zone = zoneId(address);
		if ((!old.standardText().equals(address.standardText()) || old.level() != address.level()) && jdbc.sql(
				"select count(*) from zone_address where district_code = ? and year = ? and level = ? and standard_text = ?")
			.params(address.districtCode(), address.year(), address.level().name(), address.standardText())
			.query(Long.class)
			.single() > 0) {
			throw new InvalidZoningData(
					ZoningProblem.of("standard_text", "zoning.admin.error.address-taken", address.standardText()));
		}
		if (sameAddress(old, address)) {
			return;
		}
		jdbc.sql(
				"""
						update zone_address set zone_id = ?, level = ?, standard_text = ?, building = ?, multi_school_compound = ?
						where id = ?
						""")
			.params(zone, address.level().name(), address.standardText(), address.building(),
					address.multiSchoolCompound(), id)
			.update();
		writeAliases(id, address);
		changes.record(
				ZoneDictionaryChanged.saved(by, "zone-address", address.subjectId(), summary(old), summary(address)));
	}

	@Transactional
	public void deleteAddress(long id, Actor by) {
		AddressView address = address(id)
			.orElseThrow(() -> new InvalidZoningData(ZoningProblem.of(null, "zoning.admin.error.address-gone")));
		jdbc.sql("delete from zone_address where id = ?").param(id).update();
		changes.record(ZoneDictionaryChanged.deleted(by, "zone-address", address.mapping().subjectId(),
				summary(address.mapping())));
	}

	/** The district's settings; the defaults (nothing set) when it has none yet. */
	public DistrictSettings settings(String districtCode) {
		return jdbc.sql("""
				select contact_office, contact_phone, gated_lookup, place_interval_years
				from zoning_district where district_code = ?
				""")
			.param(districtCode)
			.query((rs, n) -> new DistrictSettings(districtCode, rs.getString(1), rs.getString(2), rs.getBoolean(3),
					(Integer) rs.getObject(4)))
			.optional()
			.orElseGet(() -> new DistrictSettings(districtCode, null, null, false, null));
	}

	/**
	 * @param placeIntervalYears 六年一学位: years per primary place from one home, null when
	 * the district does not apply it
	 */
	@Transactional
	public void configureDistrict(String districtCode, String contactOffice, String contactPhone, boolean gatedLookup,
			Integer placeIntervalYears, Actor by) {
		if (placeIntervalYears != null && (placeIntervalYears < 1 || placeIntervalYears > 12)) {
			throw new InvalidZoningData(ZoningProblem.of("placeIntervalYears", "zoning.admin.error.interval"));
		}
		DistrictSettings before = settings(districtCode);
		DistrictSettings after = new DistrictSettings(districtCode, blankToNull(contactOffice),
				blankToNull(contactPhone), gatedLookup, placeIntervalYears);
		if (before.equals(after)) {
			return;
		}
		jdbc.sql("""
				insert into zoning_district (district_code, contact_office, contact_phone, gated_lookup,
				                             place_interval_years)
				values (?, ?, ?, ?, ?)
				on conflict (district_code) do update
				set contact_office = excluded.contact_office, contact_phone = excluded.contact_phone,
				    gated_lookup = excluded.gated_lookup, place_interval_years = excluded.place_interval_years
				""")
			.params(districtCode, after.contactOffice(), after.contactPhone(), gatedLookup, placeIntervalYears)
			.update();
		changes.record(
				ZoneDictionaryChanged.saved(by, "zoning-district", districtCode, before.summary(), after.summary()));
	}

	private Optional<School> school(String code) {
		return jdbc
			.sql("select code, name, district_code, level, public, address, seats_per_year from school where code = ?")
			.param(code)
			.query((rs, n) -> new School(rs.getString(1), rs.getString(2), rs.getString(3),
					SchoolLevel.valueOf(rs.getString(4)), rs.getBoolean(5), rs.getString(6), rs.getInt(7)))
			.optional();
	}

	private Long zoneId(AddressMapping address) {
		return jdbc.sql("select id from service_zone where district_code = ? and year = ? and level = ? and name = ?")
			.params(address.districtCode(), address.year(), address.level().name(), address.zoneName())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new InvalidZoningData(ZoningProblem.of("zone_name", "zoning.admin.error.zone-unknown",
					address.zoneName(), address.year(), address.level().name().toLowerCase(Locale.ROOT))));
	}

	private void writeLotterySchools(long id, ZoneDefinition zone) {
		jdbc.sql("delete from service_zone_lottery_school where zone_id = ?").param(id).update();
		for (String school : zone.lotterySchoolCodes().stream().distinct().toList()) {
			jdbc.sql("insert into service_zone_lottery_school (zone_id, school_code) values (?, ?)")
				.params(id, school)
				.update();
		}
	}

	private void writeAliases(long id, AddressMapping address) {
		jdbc.sql("delete from zone_address_alias where address_id = ?").param(id).update();
		for (String alias : address.aliases()) {
			jdbc.sql("insert into zone_address_alias (address_id, alias) values (?, ?)").params(id, alias).update();
		}
	}

	/**
	 * Whether two zones have the same name and schools (the lottery set in any order).
	 */
	public static boolean sameZone(ZoneDefinition a, ZoneDefinition b) {
		return a.name().equals(b.name()) && a.schoolCode().equals(b.schoolCode())
				&& a.lotterySchoolCodes()
					.stream()
					.sorted()
					.distinct()
					.toList()
					.equals(b.lotterySchoolCodes().stream().sorted().distinct().toList());
	}

	/** Whether two mappings say the same (aliases in any order). */
	public static boolean sameAddress(AddressMapping a, AddressMapping b) {
		return a.level() == b.level() && a.standardText().equals(b.standardText()) && a.zoneName().equals(b.zoneName())
				&& Objects.equals(a.building(), b.building()) && a.multiSchoolCompound() == b.multiSchoolCompound()
				&& a.aliases().stream().sorted().toList().equals(b.aliases().stream().sorted().toList());
	}

	private static String summary(ZoneDefinition zone) {
		return zone.name() + ": " + zone.schoolCode()
				+ (zone.lotterySchoolCodes().isEmpty() ? "" : " " + zone.lotterySchoolCodes());
	}

	private static String summary(AddressMapping address) {
		return address.zoneName() + (address.building() != null ? " " + address.building() : "")
				+ (address.aliases().isEmpty() ? "" : " aliases=" + address.aliases())
				+ (address.multiSchoolCompound() ? " 多校派位" : "");
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static ZoneView zone(ResultSet rs, int row) throws SQLException {
		return new ZoneView(rs.getLong("id"), rs.getString("district_code"), rs.getInt("year"),
				EntryLevel.valueOf(rs.getString("level")), rs.getString("name"), rs.getString("school_code"),
				strings(rs.getArray("lottery")), rs.getInt("addresses"));
	}

	private static AddressView address(ResultSet rs, int row) throws SQLException {
		return new AddressView(rs.getLong("id"), rs.getString("district_code"), rs.getInt("year"),
				EntryLevel.valueOf(rs.getString("level")), rs.getString("zone_name"), rs.getString("standard_text"),
				rs.getString("building"), strings(rs.getArray("aliases")), rs.getBoolean("multi_school_compound"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array == null) ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
