package org.ruxue.app.zoning;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "One place per home per six years" (六年一学位): which homes supplied a place in which year.
 * The lookup reads it; registration records a home's use when its district approves a
 * registration that relied on the home.
 */
@Service
public class HomePlaces {

	private final JdbcClient jdbc;

	private final AdministrativeDivisions divisions = AdministrativeDivisions.beijing2023();

	HomePlaces(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The home as the lookup keys it, down to its room, or empty when the address has no
	 * room (a whole compound cannot be one home).
	 * @throws InvalidZoneQuery when the address cannot be read at all
	 */
	public Optional<String> homeKey(String address) {
		return Optional.ofNullable(TypedAddress.parse(address, divisions).homeKey());
	}

	/**
	 * The years per place a district applies, empty where the district does not apply the
	 * rule.
	 */
	@Transactional(readOnly = true)
	public Optional<Integer> interval(String districtCode) {
		return jdbc.sql("select place_interval_years from zoning_district where district_code = ?")
			.param(districtCode)
			.query(Integer.class)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	/** The last year before {@code year} in which the home supplied a place. */
	@Transactional(readOnly = true)
	public Optional<Integer> lastUseBefore(String districtCode, String homeKey, int year) {
		return jdbc.sql("""
				select max(used_in_year) from home_place_use
				where district_code = ? and home_key = ? and used_in_year < ?
				""")
			.params(districtCode, homeKey, year)
			.query((rs, n) -> (Integer) rs.getObject(1))
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	/**
	 * Records that the home supplied a place in the year; recording it twice is harmless.
	 */
	@Transactional
	public void recordUse(String districtCode, String homeKey, int year, SchoolLevel level) {
		jdbc.sql("""
				insert into home_place_use (district_code, home_key, used_in_year, school_level) values (?, ?, ?, ?)
				on conflict do nothing
				""").params(districtCode, homeKey, year, level.name()).update();
	}

}
