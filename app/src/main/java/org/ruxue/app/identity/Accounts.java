package org.ruxue.app.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
		return jdbc.sql("select * from account where username = ?").param(username).query(Accounts::map).optional();
	}

	Optional<StoredAccount> byId(AccountId id) {
		return jdbc.sql("select * from account where id = ?").param(id.value()).query(Accounts::map).optional();
	}

	List<StoredAccount> staffCreatableBy(Role role, String districtCode) {
		if (role == Role.CITY_ADMIN) {
			return jdbc.sql("select * from account where role = 'DISTRICT_OFFICER' order by district_code, username")
				.query(Accounts::map)
				.list();
		}
		return jdbc.sql("select * from account where role = 'SCHOOL_STAFF' and district_code = ? order by username")
			.param(districtCode)
			.query(Accounts::map)
			.list();
	}

	void setPassword(AccountId id, String passwordHash, boolean mustChange, Instant now) {
		jdbc.sql("""
				update account set password_hash = ?, must_change_password = ?, password_changed_at = ? where id = ?
				""").params(passwordHash, mustChange, Timestamp.from(now), id.value()).update();
	}

	private static StoredAccount map(ResultSet rs, int row) throws SQLException {
		return new StoredAccount(new AccountId(rs.getObject("id", UUID.class)), rs.getString("username"),
				rs.getString("display_name"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
				rs.getString("district_code"), rs.getString("school_code"), rs.getBoolean("must_change_password"));
	}

	record StoredAccount(AccountId id, String username, String displayName, String passwordHash, Role role,
			String districtCode, String schoolCode, boolean mustChangePassword) {

		SignedIn signedIn() {
			return new SignedIn(id, username, displayName, role, districtCode, schoolCode);
		}

	}

}
