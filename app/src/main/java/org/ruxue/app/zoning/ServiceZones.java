package org.ruxue.app.zoning;

import org.ruxue.app.audit.Actor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How districts maintain zones and the address dictionary. Saving is idempotent: a zone
 * is keyed by district, year, level and name, an address by district, year, level and
 * standard text, so that saving the same data twice (a re-import) changes nothing.
 */
@Service
public class ServiceZones {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ServiceZones(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional
	public long saveZone(ZoneDefinition zone, Actor by) {
		long id = jdbc.sql("""
				insert into service_zone (district_code, year, level, name, school_code) values (?, ?, ?, ?, ?)
				on conflict (district_code, year, level, name) do update set school_code = excluded.school_code
				returning id
				""")
			.params(zone.districtCode(), zone.year(), zone.level().name(), zone.name(), zone.schoolCode())
			.query(Long.class)
			.single();
		jdbc.sql("delete from service_zone_lottery_school where zone_id = ?").param(id).update();
		for (String school : zone.lotterySchoolCodes()) {
			jdbc.sql("insert into service_zone_lottery_school (zone_id, school_code) values (?, ?)")
				.params(id, school)
				.update();
		}
		changed(by, "service-zone", zone.subjectId(),
				zone.schoolCode() + (zone.lotterySchoolCodes().isEmpty() ? "" : " " + zone.lotterySchoolCodes()));
		return id;
	}

	@Transactional
	public long saveAddress(AddressMapping address, Actor by) {
		Long zone = jdbc
			.sql("select id from service_zone where district_code = ? and year = ? and level = ? and name = ?")
			.params(address.districtCode(), address.year(), address.level().name(), address.zoneName())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("There is no zone " + address.zoneName() + " in "
					+ address.year() + " for " + address.level().name().toLowerCase(java.util.Locale.ROOT) + " entry"));
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
		jdbc.sql("delete from zone_address_alias where address_id = ?").param(id).update();
		for (String alias : address.aliases()) {
			jdbc.sql("insert into zone_address_alias (address_id, alias) values (?, ?)").params(id, alias).update();
		}
		changed(by, "zone-address", address.subjectId(),
				address.zoneName() + (address.multiSchoolCompound() ? " 多校派位" : ""));
		return id;
	}

	/**
	 * @param placeIntervalYears 六年一学位: years per primary place from one home, null when
	 * the district does not apply it
	 */
	@Transactional
	public void configureDistrict(String districtCode, String contactOffice, String contactPhone, boolean gatedLookup,
			Integer placeIntervalYears, Actor by) {
		jdbc.sql("""
				insert into zoning_district (district_code, contact_office, contact_phone, gated_lookup,
				                             place_interval_years)
				values (?, ?, ?, ?, ?)
				on conflict (district_code) do update
				set contact_office = excluded.contact_office, contact_phone = excluded.contact_phone,
				    gated_lookup = excluded.gated_lookup, place_interval_years = excluded.place_interval_years
				""").params(districtCode, contactOffice, contactPhone, gatedLookup, placeIntervalYears).update();
		changed(by, "zoning-district", districtCode, "gated=" + gatedLookup + " interval=" + placeIntervalYears);
	}

	private void changed(Actor by, String subjectType, String subjectId, String after) {
		jdbc.sql("update zone_dictionary_version set version = version + 1").update();
		events.publishEvent(new ZoneDictionaryChanged(by, subjectType, subjectId, after));
	}

}
