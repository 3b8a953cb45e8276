package org.ruxue.app.identity;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two schools of the test database, one in Dongcheng (110101) and one in Xicheng
 * (110102).
 */
final class TestSchools {

	static final String DONGCHENG = "ID-TEST-DC";

	static final String XICHENG = "ID-TEST-XC";

	private TestSchools() {
	}

	static void ensure(JdbcClient jdbc) {
		insert(jdbc, DONGCHENG, "身份测试东城小学", "110101");
		insert(jdbc, XICHENG, "身份测试西城小学", "110102");
	}

	private static void insert(JdbcClient jdbc, String code, String name, String district) {
		jdbc.sql("""
				insert into school (code, name, district_code, level, public, address, seats_per_year)
				values (?, ?, ?, 'PRIMARY', true, '测试地址', 100) on conflict do nothing
				""").params(code, name, district).update();
	}

}
