package org.ruxue.app.zoning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ruxue.app.audit.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The schools of compulsory education, per district, and their maintenance by the
 * district: saving is keyed by the school's code, so saving the same school twice changes
 * nothing.
 */
@Service
public class Schools {

	private final JdbcClient jdbc;

	private final DictionaryChanges changes;

	Schools(JdbcClient jdbc, DictionaryChanges changes) {
		this.jdbc = jdbc;
		this.changes = changes;
	}

	public List<School> inDistrict(String districtCode) {
		return jdbc.sql("select * from school where district_code = ? order by code")
			.param(districtCode)
			.query(Schools::map)
			.list();
	}

	public Optional<School> byCode(String code) {
		return jdbc.sql("select * from school where code = ?").param(code).query(Schools::map).optional();
	}

	/** The schools of these codes, by code; a code of no school is left out. */
	public List<School> byCodes(java.util.Collection<String> codes) {
		if (codes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from school where code = any (?) order by code")
			.param(codes.toArray(String[]::new))
			.query(Schools::map)
			.list();
	}

	public long count() {
		return jdbc.sql("select count(*) from school").query(Long.class).single();
	}

	/** The district's schools whose code, name or address contains the text, by code. */
	public Listing<School> search(String districtCode, String text, int page, int pageSize) {
		String like = "%" + ((text == null) ? "" : text.strip().replace("%", "").replace("_", "\\_")) + "%";
		String where = " from school where district_code = ? and (code ilike ? or name ilike ? or address ilike ?)";
		long total = jdbc.sql("select count(*)" + where)
			.params(districtCode, like, like, like)
			.query(Long.class)
			.single();
		int first = Math.max(0, (page - 1) * pageSize);
		List<School> items = jdbc.sql("select *" + where + " order by code limit ? offset ?")
			.params(districtCode, like, like, like, pageSize, first)
			.query(Schools::map)
			.list();
		return new Listing<>(items, page, pageSize, total);
	}

	/**
	 * Adds the school or replaces its data; saving what is there already changes nothing
	 * and goes on no record.
	 * @return whether anything changed
	 * @throws InvalidZoningData when a field is invalid, the code belongs to another
	 * district's school or the name to another school of the district
	 */
	@Transactional
	public boolean save(School school, Actor by) {
		List<ZoningProblem> problems = new ArrayList<>(school.problems());
		Optional<School> before = problems.isEmpty() ? byCode(school.code()) : Optional.empty();
		if (before.isPresent() && !before.get().districtCode().equals(school.districtCode())) {
			problems.add(ZoningProblem.of("code", "zoning.admin.error.school-other-district", school.code()));
		}
		if (problems.isEmpty()
				&& jdbc.sql("select count(*) from school where name = ? and district_code = ? and code <> ?")
					.params(school.name(), school.districtCode(), school.code())
					.query(Long.class)
					.single() > 0) {
			problems.add(ZoningProblem.of("name", "zoning.admin.error.school-name-taken", school.name()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidZoningData(problems);
		}
		if (before.isPresent() && before.get().equals(school)) {
			return false;
		}
		jdbc.sql("""
				insert into school (code, name, district_code, level, public, address, seats_per_year)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (code) do update
				set name = excluded.name, level = excluded.level, public = excluded.public,
				    address = excluded.address, seats_per_year = excluded.seats_per_year
				""")
			.params(school.code(), school.name(), school.districtCode(), school.level().name(), school.publicSchool(),
					school.address(), school.seatsPerYear())
			.update();
		changes.record(ZoneDictionaryChanged.saved(by, "school", school.code(),
				before.map(School::summary).orElse(null), school.summary()));
		return true;
	}

	/**
	 * @throws InvalidZoningData when a zone of any year still names the school
	 */
	@Transactional
	public void delete(String code, Actor by) {
		School school = byCode(code).orElseThrow(
				() -> new InvalidZoningData(ZoningProblem.of("code", "zoning.admin.error.school-unknown", code)));
		long zones = jdbc.sql("""
				select count(*) from service_zone z
				where z.school_code = ? or exists (select 1 from service_zone_lottery_school l
				                                   where l.zone_id = z.id and l.school_code = ?)
				""").params(code, code).query(Long.class).single();
		if (zones > 0) {
			throw new InvalidZoningData(ZoningProblem.of("code", "zoning.admin.error.school-in-use", code, zones));
		}
		jdbc.sql("delete from school where code = ?").param(code).update();
		changes.record(ZoneDictionaryChanged.deleted(by, "school", code, school.summary()));
	}

	private static School map(ResultSet rs, int row) throws SQLException {
		return new School(rs.getString("code"), rs.getString("name"), rs.getString("district_code"),
				SchoolLevel.valueOf(rs.getString("level")), rs.getBoolean("public"), rs.getString("address"),
				rs.getInt("seats_per_year"));
	}

}
