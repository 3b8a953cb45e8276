package org.ruxue.app.zoning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The schools of compulsory education, per district. */
@Service
public class Schools {

	private final JdbcClient jdbc;

	Schools(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	public long count() {
		return jdbc.sql("select count(*) from school").query(Long.class).single();
	}

	private static School map(ResultSet rs, int row) throws SQLException {
		return new School(rs.getString("code"), rs.getString("name"), rs.getString("district_code"),
				SchoolLevel.valueOf(rs.getString("level")), rs.getBoolean("public"), rs.getString("address"),
				rs.getInt("seats_per_year"));
	}

}
