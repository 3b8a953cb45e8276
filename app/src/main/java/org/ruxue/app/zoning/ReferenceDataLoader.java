package org.ruxue.app.zoning;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the districts and streets of {@code reference/} into their tables in every
 * profile, before the web server takes requests. Two nodes starting at once both insert;
 * {@code on conflict do nothing} lets the second one's rows fall away.
 */
@Component
class ReferenceDataLoader implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	ReferenceDataLoader(JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void afterSingletonsInstantiated() {
		load(AdministrativeDivisions.beijing2023());
	}

	void load(AdministrativeDivisions divisions) {
		transactions.executeWithoutResult(tx -> {
			if (count("district") >= divisions.districts().size() && count("street") >= divisions.streets().size()) {
				return;
			}
			jdbc.batchUpdate("insert into district (code, name) values (?, ?) on conflict do nothing",
					divisions.districts(), 100, (ps, district) -> {
						ps.setString(1, district.code());
						ps.setString(2, district.name());
					});
			jdbc.batchUpdate("insert into street (code, name, district_code) values (?, ?, ?) on conflict do nothing",
					divisions.streets(), 500, (ps, street) -> {
						ps.setString(1, street.code());
						ps.setString(2, street.name());
						ps.setString(3, street.districtCode());
					});
			log.info("Reference data: {} districts, {} streets", count("district"), count("street"));
		});
	}

	private long count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
