package org.ruxue.app.zoning;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The districts and their streets, as loaded at start-up (R-P4, R-P5). */
@Service
public class Districts {

	private final JdbcClient jdbc;

	Districts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<District> all() {
		return jdbc.sql("select code, name from district order by code")
			.query((rs, n) -> new District(rs.getString("code"), rs.getString("name")))
			.list();
	}

	public Optional<District> byCode(String code) {
		return jdbc.sql("select code, name from district where code = ?")
			.param(code)
			.query((rs, n) -> new District(rs.getString("code"), rs.getString("name")))
			.optional();
	}

	public List<Street> streets(String districtCode) {
		return jdbc.sql("select code, name, district_code from street where district_code = ? order by code")
			.param(districtCode)
			.query((rs, n) -> new Street(rs.getString("code"), rs.getString("name"), rs.getString("district_code")))
			.list();
	}

}
