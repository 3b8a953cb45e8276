package org.ruxue.app.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.ruxue.app.population.SealedIdNumbers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time SMS codes (R-G6): six digits from SecureRandom, valid for minutes, single use,
 * void after a few wrong tries, and sent at most once a minute, a few times a day per
 * number and so many times an hour per IP address. Only a keyed hash of a code is kept.
 */
@Service
public class SmsCodes {

	/** What a code proves; a code for one purpose never serves another. */
	public enum Purpose {

		ACTIVATION, RESET, MOBILE_CHANGE

	}

	public enum Sending {

		SENT, TOO_SOON, DAILY_LIMIT, IP_LIMIT;

		public boolean sent() {
			return this == SENT;
		}

	}

	public enum Check {

		VALID, WRONG, VOID;

		public boolean valid() {
			return this == VALID;
		}

	}

	private static final Duration DAY = Duration.ofHours(24);

	private static final Duration HOUR = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final AttemptLimits limits;

	private final SecurityProperties.Codes settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	SmsCodes(JdbcClient jdbc, AttemptLimits limits, SecurityProperties properties, ApplicationEventPublisher events,
			Clock clock, @Value("${ruxue.security.id-number-key:" + SealedIdNumbers.DEMO_KEY + "}") String master) {
		this.jdbc = jdbc;
		this.limits = limits;
		this.settings = properties.codes();
		this.events = events;
		this.clock = clock;
		this.key = new SecretKeySpec(hmac(new SecretKeySpec(Base64.getDecoder().decode(master), "HmacSHA256"),
				"sms-code".getBytes(StandardCharsets.US_ASCII)), "HmacSHA256");
	}

	/**
	 * Sends a new code, which voids the earlier ones of the number and purpose. Joins the
	 * caller's transaction, so a refused step sends nothing.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public Sending send(MobileNumber mobile, Purpose purpose, String ip) {
		Instant now = clock.instant();
		if (limits.hit("sms-ip:" + ip, HOUR, now) > settings.perIpPerHour()) {
			return Sending.IP_LIMIT;
		}
		limits.lock("sms-mobile:" + mobile.value(), now);
		Instant last = jdbc.sql("select max(sent_at) from sms_code where mobile = ?")
			.param(mobile.value())
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
		if (last != null && last.plus(settings.resendAfter()).isAfter(now)) {
			return Sending.TOO_SOON;
		}
		long today = jdbc.sql("select count(*) from sms_code where mobile = ? and sent_at > ?")
			.params(mobile.value(), Timestamp.from(now.minus(DAY)))
			.query(Long.class)
			.single();
		if (today >= settings.perMobilePerDay()) {
			return Sending.DAILY_LIMIT;
		}
		String code = "%06d".formatted(random.nextInt(1_000_000));
		jdbc.sql("update sms_code set used_at = ? where mobile = ? and purpose = ? and used_at is null")
			.params(Timestamp.from(now), mobile.value(), purpose.name())
			.update();
		jdbc.sql("""
				insert into sms_code (id, mobile, purpose, code_hash, sent_at, expires_at) values (?, ?, ?, ?, ?, ?)
				""")
			.params(UUID.randomUUID(), mobile.value(), purpose.name(), hash(mobile, purpose, code), Timestamp.from(now),
					Timestamp.from(now.plus(settings.validity())))
			.update();
		events.publishEvent(new SmsCodeSent(mobile, purpose, code, settings.validity().toMinutes()));
		return Sending.SENT;
	}

	/**
	 * Checks a code against the latest one sent; a valid code is used up. Callers commit
	 * whatever this answers: a wrong try must count even when the step goes no further.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public Check check(MobileNumber mobile, Purpose purpose, String code) {
		Instant now = clock.instant();
		var latest = jdbc.sql("""
				select id, code_hash, expires_at, wrong_tries from sms_code
				where mobile = ? and purpose = ? and used_at is null order by sent_at desc limit 1 for update
				""")
			.params(mobile.value(), purpose.name())
			.query((rs,
					n) -> new Object[] { rs.getObject("id"), rs.getBytes("code_hash"),
							rs.getTimestamp("expires_at").toInstant(), rs.getInt("wrong_tries") })
			.optional();
		if (latest.isEmpty()) {
			return Check.VOID;
		}
		Object[] row = latest.get();
		if (!((Instant) row[2]).isAfter(now) || (int) row[3] >= settings.maxWrongTries()) {
			return Check.VOID;
		}
		String typed = (code != null) ? code.strip() : "";
		if (!MessageDigest.isEqual((byte[]) row[1], hash(mobile, purpose, typed))) {
			jdbc.sql("update sms_code set wrong_tries = wrong_tries + 1 where id = ?").param(row[0]).update();
			return ((int) row[3] + 1 >= settings.maxWrongTries()) ? Check.VOID : Check.WRONG;
		}
		jdbc.sql("update sms_code set used_at = ? where id = ?").params(Timestamp.from(now), row[0]).update();
		return Check.VALID;
	}

	private byte[] hash(MobileNumber mobile, Purpose purpose, String code) {
		return hmac(key, (mobile.value() + "|" + purpose + "|" + code).getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] hmac(SecretKeySpec key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
