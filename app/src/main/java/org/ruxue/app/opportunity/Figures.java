package org.ruxue.app.opportunity;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored figures, quality high schools and the eligibility text. */
@Repository
class Figures {

	/** What is stored of a school's year, without its quota places. */
	record StoredYear(int graduates, BigDecimal shareEntered) {

	}

	private final JdbcClient jdbc;

	Figures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<String> schoolsWithFigures() {
		return jdbc.sql("select distinct school_code from opportunity_year order by school_code")
			.query(String.class)
			.list();
	}

	/** Every year of each school, oldest first; a school without figures is left out. */
	Map<String, List<YearFigures>> ofSchools(Collection<String> codes) {
		Map<String, Map<Integer, List<QuotaPlaces>>> quotas = new LinkedHashMap<>();
		String[] array = codes.toArray(String[]::new);
		jdbc.sql("""
				select q.school_code, q.year, q.high_school_code, h.name, q.places
				from opportunity_quota q join opportunity_high_school h on h.code = q.high_school_code
				where q.school_code = any (?) order by q.school_code, q.year, q.places desc, q.high_school_code
				""").param(array).query((rs, n) -> {
			quotas.computeIfAbsent(rs.getString(1), c -> new LinkedHashMap<>())
				.computeIfAbsent(rs.getInt(2), y -> new ArrayList<>())
				.add(new QuotaPlaces(rs.getString(3), rs.getString(4), rs.getInt(5)));
			return null;
		}).list();
		Map<String, List<YearFigures>> figures = new LinkedHashMap<>();
		jdbc.sql("""
				select school_code, year, graduates, share_entered from opportunity_year
				where school_code = any (?) order by school_code, year
				""").param(array).query((rs, n) -> {
			String school = rs.getString(1);
			int year = rs.getInt(2);
			figures.computeIfAbsent(school, c -> new ArrayList<>())
				.add(new YearFigures(year, rs.getInt(3), rs.getBigDecimal(4),
						quotas.getOrDefault(school, Map.of()).getOrDefault(year, List.of())));
			return null;
		}).list();
		return figures;
	}

	Optional<StoredYear> year(String schoolCode, int year) {
		return jdbc.sql("select graduates, share_entered from opportunity_year where school_code = ? and year = ?")
			.params(schoolCode, year)
			.query((rs, n) -> new StoredYear(rs.getInt(1), rs.getBigDecimal(2)))
			.optional();
	}

	/** The quota places stored for a school's year, by quality high school code. */
	Map<String, Integer> quotas(String schoolCode, int year) {
		Map<String, Integer> places = new LinkedHashMap<>();
		jdbc.sql("""
				select high_school_code, places from opportunity_quota where school_code = ? and year = ?
				order by high_school_code
				""").params(schoolCode, year).query((rs, n) -> places.put(rs.getString(1), rs.getInt(2))).list();
		return places;
	}

	Optional<String> highSchoolName(String code) {
		return jdbc.sql("select name from opportunity_high_school where code = ?")
			.param(code)
			.query(String.class)
			.optional();
	}

	void saveHighSchool(String code, String name) {
		jdbc.sql("""
				insert into opportunity_high_school (code, name) values (?, ?)
				on conflict (code) do update set name = excluded.name
				""").params(code, name).update();
	}

	void saveYear(String schoolCode, int year, int graduates, BigDecimal shareEntered) {
		jdbc.sql("""
				insert into opportunity_year (school_code, year, graduates, share_entered) values (?, ?, ?, ?)
				on conflict (school_code, year) do update
				set graduates = excluded.graduates, share_entered = excluded.share_entered
				""").params(schoolCode, year, graduates, shareEntered).update();
	}

	void saveQuota(String schoolCode, int year, String highSchoolCode, int places) {
		jdbc.sql("""
				insert into opportunity_quota (school_code, year, high_school_code, places) values (?, ?, ?, ?)
				on conflict (school_code, year, high_school_code) do update set places = excluded.places
				""").params(schoolCode, year, highSchoolCode, places).update();
	}

	/**
	 * @return the number of quota places removed
	 */
	int removeQuotasExcept(String schoolCode, int year, Set<String> kept) {
		return jdbc.sql("""
				delete from opportunity_quota where school_code = ? and year = ? and not (high_school_code = any (?))
				""").params(schoolCode, year, kept.toArray(String[]::new)).update();
	}

	Eligibility eligibility() {
		return jdbc.sql("select text_zh, text_en, version, updated_by, updated_at from opportunity_eligibility")
			.query((rs, n) -> new Eligibility(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
					(rs.getTimestamp(5) != null) ? rs.getTimestamp(5).toInstant() : null))
			.single();
	}

	/**
	 * @return false when someone else changed the text since expectedVersion
	 */
	boolean saveEligibility(String textZh, String textEn, int expectedVersion, String by, Instant at) {
		return jdbc.sql("""
				update opportunity_eligibility set text_zh = ?, text_en = ?, version = version + 1, updated_by = ?,
				       updated_at = ?
				where version = ?
				""").params(textZh, textEn, by, Timestamp.from(at), expectedVersion).update() == 1;
	}

}
