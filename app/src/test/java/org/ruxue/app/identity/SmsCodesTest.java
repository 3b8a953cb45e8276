package org.ruxue.app.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.identity.SmsCodes.Check;
import org.ruxue.app.identity.SmsCodes.Purpose;
import org.ruxue.app.identity.SmsCodes.Sending;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** SMS codes and their limits (R-G6, docs/security.md), against the real database. */
@IntegrationTest
class SmsCodesTest {

	@Autowired
	SmsCodes codes;

	@Autowired
	SentCodes phone;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aCodeIsSixDigitsKeptOnlyAsAHashAndServesOnce() {
		MobileNumber mobile = new MobileNumber(Mobiles.fresh());

		assertThat(codes.send(mobile, Purpose.RESET, "10.0.1.1")).isEqualTo(Sending.SENT);
		String code = phone.lastCodeTo(mobile.value());

		assertThat(code).matches("[0-9]{6}");
		byte[] stored = jdbc.sql("select code_hash from sms_code where mobile = ?")
			.param(mobile.value())
			.query(byte[].class)
			.single();
		assertThat(stored).hasSize(32);
		assertThat(codes.check(mobile, Purpose.ACTIVATION, code)).isEqualTo(Check.VOID);
		assertThat(codes.check(mobile, Purpose.RESET, code)).isEqualTo(Check.VALID);
		assertThat(codes.check(mobile, Purpose.RESET, code)).isEqualTo(Check.VOID);
	}

	@Test
	void fiveWrongTriesVoidTheCode() {
		MobileNumber mobile = new MobileNumber(Mobiles.fresh());
		codes.send(mobile, Purpose.RESET, "10.0.1.2");
		String code = phone.lastCodeTo(mobile.value());
		String wrong = code.equals("123456") ? "654321" : "123456";

		for (int i = 0; i < 4; i++) {
			assertThat(codes.check(mobile, Purpose.RESET, wrong)).isEqualTo(Check.WRONG);
		}
		assertThat(codes.check(mobile, Purpose.RESET, wrong)).isEqualTo(Check.VOID);
		assertThat(codes.check(mobile, Purpose.RESET, code)).isEqualTo(Check.VOID);
	}

	@Test
	void anExpiredCodeIsVoid() {
		MobileNumber mobile = new MobileNumber(Mobiles.fresh());
		codes.send(mobile, Purpose.RESET, "10.0.1.3");
		jdbc.sql("update sms_code set expires_at = ? where mobile = ?")
			.params(Timestamp.from(clock.instant()), mobile.value())
			.update();

		assertThat(codes.check(mobile, Purpose.RESET, phone.lastCodeTo(mobile.value()))).isEqualTo(Check.VOID);
	}

	@Test
	void oneCodeAMinuteToANumber() {
		MobileNumber mobile = new MobileNumber(Mobiles.fresh());

		assertThat(codes.send(mobile, Purpose.RESET, "10.0.1.4")).isEqualTo(Sending.SENT);
		assertThat(codes.send(mobile, Purpose.ACTIVATION, "10.0.1.5")).isEqualTo(Sending.TOO_SOON);
	}

	@Test
	void tenCodesADayToANumber() {
		MobileNumber mobile = new MobileNumber(Mobiles.fresh());
		for (int i = 1; i <= 10; i++) {
			jdbc.sql("""
					insert into sms_code (id, mobile, purpose, code_hash, sent_at, expires_at, used_at)
					values (?, ?, 'RESET', '\\x00', ?, ?, ?)
					""")
				.params(UUID.randomUUID(), mobile.value(), Timestamp.from(clock.instant().minus(Duration.ofHours(i))),
						Timestamp.from(clock.instant()), Timestamp.from(clock.instant()))
				.update();
		}

		assertThat(codes.send(mobile, Purpose.RESET, "10.0.1.6")).isEqualTo(Sending.DAILY_LIMIT);
	}

	@Test
	void manyNumbersFromOneAddressMeetTheAddressLimit() {
		Sending last = null;
		for (int i = 0; i <= 100; i++) {
			last = codes.send(new MobileNumber(Mobiles.fresh()), Purpose.ACTIVATION, "10.0.2.1");
		}

		assertThat(last).isEqualTo(Sending.IP_LIMIT);
		assertThat(codes.send(new MobileNumber(Mobiles.fresh()), Purpose.ACTIVATION, "10.0.2.2"))
			.isEqualTo(Sending.SENT);
	}

}
