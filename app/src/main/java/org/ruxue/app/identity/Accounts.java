package org.ruxue.app.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Accounts {

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(String username) {
		return jdbc.sql("select count(*) from account where username = ?")
			.param(username)
			.query(Long.class)
			.single() > 0;
	}

	void insert(AccountId id, NewAccount account, String passwordHash, boolean mustChangePassword, Instant now) {
		jdbc.sql("""
				insert into account (id, username, display_name, password_hash, role, district_code, school_code,
				  must_change_password, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id.value(), account.username(), account.displayName(), passwordHash, account.role().name(),
					account.districtCode(), account.schoolCode(), mustChangePassword, Timestamp.from(now))
			.update();
	}

	Optional<StoredAccount> byUsername(String username) {
		return jdbc.sql("select * from account where username = ?")
			.param(username)
			.query((rs, n) -> new StoredAccount(rs.getString("username"), rs.getString("display_name"),
					rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getString("district_code"),
					rs.getString("school_code")))
			.optional();
	}

	record StoredAccount(String username, String displayName, String passwordHash, Role role, String districtCode,
			String schoolCode) {
	}

}
