package org.ruxue.app.junior;

import java.security.SecureRandom;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pseudonymous id of a student in a year's draw (LOTTERY.md: `[A-Za-z0-9_-]{1,64}`,
 * printed on the receipt, published in the snapshot). It is drawn from a secure random
 * source, so it says nothing of the child, and kept: the same student has the same id the
 * whole year. The database's unique constraint is what makes it unique; a collision
 * (about one in 10^18 per pair) simply draws again. Not a lottery number: the draw's
 * numbers come from the published seed alone.
 */
@Component
class LotteryIds {

	/** Crockford's base-32 digits: no I, L, O or U to misread on a printed receipt. */
	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	static final int LENGTH = 12;

	static final String FORMAT = "[0-9A-HJKMNP-TV-Z]{" + LENGTH + "}";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	LotteryIds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> of(String educationId, int year) {
		return jdbc.sql("select lottery_id from junior_lottery_id where education_id = ? and year = ?")
			.params(educationId, year)
			.query(String.class)
			.optional();
	}

	/** The student's id of the year, drawn the first time it is asked for. */
	@Transactional
	String issue(String educationId, int year) {
		for (int attempt = 0; attempt < 5; attempt++) {
			Optional<String> known = of(educationId, year);
			if (known.isPresent()) {
				return known.get();
			}
			// nothing is written when the student got an id meanwhile or another student
			// holds this one: the next round reads the first, draws again for the second
			jdbc.sql("""
					insert into junior_lottery_id (education_id, year, lottery_id) values (?, ?, ?)
					on conflict do nothing
					""").params(educationId, year, fresh()).update();
		}
		return of(educationId, year).orElseThrow(() -> new IllegalStateException("No lottery id could be drawn"));
	}

	private String fresh() {
		StringBuilder id = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

}
