package org.ruxue.app.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.ruxue.app.identity.Accounts.StoredAccount;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every sign-in attempt, staff or family, goes through here: a few free failures per
 * account, then a delay that doubles with each failure, then a lock; and a ceiling of
 * failures per IP address. The account key is the name typed, whether or not an account
 * has it, so that nothing here tells whether an account exists.
 */
@Service
class SignIns {

	private static final Duration HOUR = Duration.ofHours(1);

	/**
	 * Compared against when there is no account, so that a miss costs as long as a hit.
	 */
	private final String dummyHash;

	private final AttemptLimits limits;

	private final PasswordEncoder passwords;

	private final SecurityProperties.SignIn settings;

	private final Clock clock;

	SignIns(AttemptLimits limits, PasswordEncoder passwords, SecurityProperties properties, Clock clock) {
		this.limits = limits;
		this.passwords = passwords;
		this.settings = properties.signIn();
		this.clock = clock;
		this.dummyHash = passwords.encode("no account has this password");
	}

	enum Outcome {

		SIGNED_IN, MUST_CHANGE_PASSWORD, REFUSED

	}

	record Attempt(Outcome outcome, StoredAccount account) {

	}

	@Transactional
	Attempt attempt(String accountKey, Supplier<Optional<StoredAccount>> lookup, String password, String ip) {
		Instant now = clock.instant();
		String ipKey = "signin-ip:" + ip;
		if (limits.count(ipKey, HOUR, now) >= settings.failuresPerIpPerHour()) {
			return new Attempt(Outcome.REFUSED, null);
		}
		String key = "signin:" + accountKey.strip().toLowerCase(Locale.ROOT);
		AttemptLimits.Counter counter = limits.lock(key, now);
		if (counter.blockedAt(now)) {
			return new Attempt(Outcome.REFUSED, null);
		}
		Optional<StoredAccount> account = lookup.get().filter(a -> a.passwordHash() != null);
		boolean matches = passwords.matches((password != null) ? password : "",
				account.map(StoredAccount::passwordHash).orElse(dummyHash));
		if (account.isEmpty() || !matches) {
			limits.save(key, afterFailure(counter.count() + 1, now));
			limits.hit(ipKey, HOUR, now);
			return new Attempt(Outcome.REFUSED, null);
		}
		limits.save(key, new AttemptLimits.Counter(0, null));
		StoredAccount found = account.get();
		return new Attempt(found.mustChangePassword() ? Outcome.MUST_CHANGE_PASSWORD : Outcome.SIGNED_IN, found);
	}

	private AttemptLimits.Counter afterFailure(int failures, Instant now) {
		if (failures >= settings.lockAfter()) {
			return new AttemptLimits.Counter(settings.freeFailures(), now.plus(settings.lockFor()));
		}
		if (failures > settings.freeFailures()) {
			Duration delay = settings.firstDelay()
				.multipliedBy(1L << Math.min(20, failures - settings.freeFailures() - 1));
			return new AttemptLimits.Counter(failures, now.plus(delay));
		}
		return new AttemptLimits.Counter(failures, null);
	}

}
