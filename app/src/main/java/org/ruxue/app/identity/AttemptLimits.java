package org.ruxue.app.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counters behind every limit, in PostgreSQL so that they hold across nodes. Each
 * change is one statement on one row (an upsert takes the row lock), or happens under
 * {@link #lock} in the caller's transaction, so concurrent requests cannot both pass.
 */
@Repository
class AttemptLimits {

	/** Characters; at most four bytes each, well inside PostgreSQL's index row limit. */
	static final int MAX_KEY_LENGTH = 200;

	private final JdbcClient jdbc;

	AttemptLimits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counts one more event in a fixed window and answers the count, this one included.
	 */
	int hit(String key, Duration window, Instant now) {
		return jdbc.sql("""
				insert into attempt_limit as a (key, count, window_start) values (:key, 1, :now)
				on conflict (key) do update set
				  count = case when a.window_start + make_interval(secs => :secs) <= :now then 1 else a.count + 1 end,
				  window_start = case when a.window_start + make_interval(secs => :secs) <= :now then :now
				    else a.window_start end
				returning count
				""")
			.param("key", stored(key))
			.param("now", Timestamp.from(now))
			.param("secs", (double) window.toSeconds())
			.query(Integer.class)
			.single();
	}

	/** The count in the current window, without counting. */
	int count(String key, Duration window, Instant now) {
		return jdbc.sql("""
				select count from attempt_limit where key = ? and window_start + make_interval(secs => ?) > ?
				""")
			.params(stored(key), (double) window.toSeconds(), Timestamp.from(now))
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/** Locks the key's row until the transaction ends, creating it first if need be. */
	Counter lock(String key, Instant now) {
		jdbc.sql("insert into attempt_limit (key, count, window_start) values (?, 0, ?) on conflict (key) do nothing")
			.params(stored(key), Timestamp.from(now))
			.update();
		return jdbc.sql("select count, blocked_until from attempt_limit where key = ? for update")
			.param(stored(key))
			.query((rs, n) -> new Counter(rs.getInt("count"),
					(rs.getTimestamp("blocked_until") != null) ? rs.getTimestamp("blocked_until").toInstant() : null))
			.single();
	}

	void save(String key, Counter counter) {
		jdbc.sql("update attempt_limit set count = ?, blocked_until = ? where key = ?")
			.params(counter.count(), (counter.blockedUntil() != null) ? Timestamp.from(counter.blockedUntil()) : null,
					stored(key))
			.update();
	}

	/**
	 * A key as stored: a long one (a name typed 100,000 characters long) by its SHA-256,
	 * since PostgreSQL cannot index a key beyond about 2,700 bytes; the same name still
	 * meets the same counter.
	 */
	private static String stored(String key) {
		if (key.length() <= MAX_KEY_LENGTH) {
			return key;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return "sha256:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	record Counter(int count, Instant blockedUntil) {

		boolean blockedAt(Instant now) {
			return blockedUntil != null && blockedUntil.isAfter(now);
		}

	}

}
