package org.ruxue.app.population;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the platform may ask the register about a verified child beyond the name check:
 * the district it belongs to (its hukou district, else where it lives), and, for demos, a
 * few children of an age.
 */
@Service
public class RegisteredChildren {

	private final JdbcClient jdbc;

	RegisteredChildren(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record RegisteredChild(IdCardNumber idNumber, String name, String districtCode) {

	}

	@Transactional(readOnly = true)
	public Optional<String> districtOf(IdCardNumber idNumber) {
		return jdbc.sql("""
				select coalesce(p.hukou_district_code, s.district_code)
				from population_person p join street s on s.code = p.address_street_code
				where p.id_number = ?
				""").param(idNumber.value()).query(String.class).optional();
	}

	@Transactional(readOnly = true)
	public List<RegisteredChild> bornBetween(LocalDate from, LocalDate to, int limit) {
		return jdbc.sql("""
				select p.id_number, p.name, coalesce(p.hukou_district_code, s.district_code) as district_code
				from population_person p join street s on s.code = p.address_street_code
				where p.birth_date between ? and ? order by p.id_number limit ?
				""")
			.params(from, to, limit)
			.query((rs, n) -> new RegisteredChild(new IdCardNumber(rs.getString("id_number")), rs.getString("name"),
					rs.getString("district_code")))
			.list();
	}

	/**
	 * Non-local children (no Beijing hukou) born in the range, with the district they
	 * live in: the district that reviews their study permit (R-P7).
	 */
	@Transactional(readOnly = true)
	public List<RegisteredChild> nonLocalBornBetween(LocalDate from, LocalDate to, int limit) {
		return jdbc.sql("""
				select p.id_number, p.name, s.district_code
				from population_person p join street s on s.code = p.address_street_code
				where p.birth_date between ? and ? and p.hukou_type = 'NON_LOCAL' order by p.id_number limit ?
				""")
			.params(from, to, limit)
			.query((rs, n) -> new RegisteredChild(new IdCardNumber(rs.getString("id_number")), rs.getString("name"),
					rs.getString("district_code")))
			.list();
	}

}
