package org.ruxue.app.zoning;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the benchmark's synthetic dictionary (200,000 addresses by default) into a
 * migrated database, for the HTTP benchmark in docs/benchmarks/zoning.md. Not a test.
 * Arguments: JDBC URL, user, password[, size].
 */
public final class ZoneBenchmarkData {

	private ZoneBenchmarkData() {
	}

	/** The wrk script's request paths: messy spellings of dictionary addresses. */
	private static void writeQueries(List<String> queries) {
		try {
			var lines = queries.stream()
				.map(q -> "/api/v1/zones/lookup?level=primary&q="
						+ java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8))
				.toList();
			java.nio.file.Files.write(java.nio.file.Path.of("app", "target", "zone-queries.txt"), lines);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	public static void main(String[] args) throws SQLException {
		int size = (args.length > 3) ? Integer.parseInt(args[3]) : 200_000;
		List<DictionaryEntry> entries = SyntheticZoneDictionary.generate(size, 42).entries();
		try (Connection db = DriverManager.getConnection(args[0] + "?reWriteBatchedInserts=true", args[1], args[2])) {
			db.setAutoCommit(false);
			try (PreparedStatement school = db.prepareStatement("""
					insert into school (code, name, district_code, level, public, address, seats_per_year)
					values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
				for (School s : DemoSchools.all()) {
					school.setString(1, s.code());
					school.setString(2, s.name());
					school.setString(3, s.districtCode());
					school.setString(4, s.level().name());
					school.setBoolean(5, s.publicSchool());
					school.setString(6, s.address());
					school.setInt(7, s.seatsPerYear());
					school.addBatch();
				}
				school.executeBatch();
			}
			Map<String, Long> zones = new HashMap<>();
			try (PreparedStatement zone = db.prepareStatement("""
					insert into service_zone (district_code, year, level, name, school_code) values (?, ?, ?, ?, ?)
					on conflict (district_code, year, level, name) do update set school_code = excluded.school_code
					returning id"""); PreparedStatement lottery = db.prepareStatement("""
					insert into service_zone_lottery_school (zone_id, school_code) values (?, ?)
					on conflict do nothing""")) {
				for (DictionaryEntry entry : entries) {
					String name = entry.zoneName() + (entry.lotterySchools().isEmpty() ? "" : "(多校)");
					if (zones.containsKey(entry.districtCode() + name)) {
						continue;
					}
					zone.setString(1, entry.districtCode());
					zone.setInt(2, entry.year());
					zone.setString(3, entry.level().name());
					zone.setString(4, name);
					zone.setString(5, entry.school().code());
					try (var rs = zone.executeQuery()) {
						rs.next();
						zones.put(entry.districtCode() + name, rs.getLong(1));
					}
					for (ZoneSchool s : entry.lotterySchools()) {
						lottery.setLong(1, zones.get(entry.districtCode() + name));
						lottery.setString(2, s.code());
						lottery.addBatch();
					}
				}
				lottery.executeBatch();
			}
			try (PreparedStatement address = db.prepareStatement("""
					insert into zone_address (zone_id, district_code, year, level, standard_text, multi_school_compound)
					values (?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
				int n = 0;
				for (DictionaryEntry entry : entries) {
					String name = entry.zoneName() + (entry.lotterySchools().isEmpty() ? "" : "(多校)");
					address.setLong(1, zones.get(entry.districtCode() + name));
					address.setString(2, entry.districtCode());
					address.setInt(3, entry.year());
					address.setString(4, entry.level().name());
					address.setString(5, entry.standardText());
					address.setBoolean(6, entry.multiSchoolCompound());
					address.addBatch();
					if (++n % 5000 == 0) {
						address.executeBatch();
					}
				}
				address.executeBatch();
			}
			db.createStatement().executeUpdate("update zone_dictionary_version set version = version + 1");
			db.commit();
			System.out.printf("%,d addresses in %,d zones%n", entries.size(), zones.size());
		}
		writeQueries(SyntheticZoneDictionary.generate(size, 42).messyQueries(20_000, 7));
	}

}
