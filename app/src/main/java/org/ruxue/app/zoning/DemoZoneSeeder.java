package org.ruxue.app.zoning;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ZoningExamples} into the demo's database after the schools; saving is
 * idempotent, so a restart or a second node changes nothing.
 */
@Component
@Profile("demo")
@Order(25)
class DemoZoneSeeder implements ApplicationRunner {

	private final ServiceZones zones;

	private final JdbcClient jdbc;

	DemoZoneSeeder(ServiceZones zones, JdbcClient jdbc) {
		this.zones = zones;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean seeded = jdbc.sql("select exists (select 1 from service_zone where district_code = ? and name = ?)")
			.params(ZoningExamples.CHAOYANG, ZoningExamples.HUAFANG_ZONE)
			.query(Boolean.class)
			.single();
		if (!seeded) {
			ZoningExamples.save(zones, jdbc);
		}
	}

}
