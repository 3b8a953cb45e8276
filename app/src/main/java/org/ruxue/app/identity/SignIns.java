package org.ruxue.app.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.ruxue.app.identity.Accounts.StoredAccount;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final TransactionTemplate transactions;

	private final Semaphore hashing = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

	private final PasswordEncoder passwords;

	private final SecurityProperties.SignIn settings;

	private final Clock clock;

	SignIns(AttemptLimits limits, PasswordEncoder passwords, SecurityProperties properties, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
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

	/**
	 * One attempt. The password hash is compared holding no database connection: it costs
	 * tens of milliseconds of a core, and ten sign-ins at once would otherwise hold the
	 * whole pool while the pages and lookups of everyone else waited. So that parallel
	 * guesses cannot slip past the counter meanwhile, an attempt is counted as a failure
	 * before it is checked and the count is reset only when it succeeds.
	 */
	Attempt attempt(String accountKey, Supplier<Optional<StoredAccount>> lookup, String password, String ip) {
		Instant now = clock.instant();
		String ipKey = "signin-ip:" + ip;
		String key = "signin:" + accountKey.strip().toLowerCase(Locale.ROOT);
		Optional<Optional<StoredAccount>> admitted = transactions.execute(status -> {
			if (limits.count(ipKey, HOUR, now) >= settings.failuresPerIpPerHour()) {
				return Optional.empty();
			}
			AttemptLimits.Counter counter = limits.lock(key, now);
			if (counter.blockedAt(now)) {
				return Optional.empty();
			}
			limits.save(key, afterFailure(counter.count() + 1, now));
			return Optional.of(lookup.get().filter(a -> a.passwordHash() != null));
		});
		if (admitted == null || admitted.isEmpty()) {
			return new Attempt(Outcome.REFUSED, null);
		}
		Optional<StoredAccount> account = admitted.get();
		boolean matches = matches(password, account.map(StoredAccount::passwordHash).orElse(dummyHash));
		if (account.isEmpty() || !matches) {
			transactions.executeWithoutResult(status -> limits.hit(ipKey, HOUR, now));
			return new Attempt(Outcome.REFUSED, null);
		}
		transactions.executeWithoutResult(status -> limits.save(key, new AttemptLimits.Counter(0, null)));
		StoredAccount found = account.get();
		return new Attempt(found.mustChangePassword() ? Outcome.MUST_CHANGE_PASSWORD : Outcome.SIGNED_IN, found);
	}

	/**
	 * At most one hash comparison per core at a time: more in parallel finish no sooner,
	 * and they would take the cores from PostgreSQL and from everyone's pages, whose
	 * connections then wait (the load benchmark's 503s at five times the families).
	 */
	private boolean matches(String password, String hash) {
		hashing.acquireUninterruptibly();
		try {
			return passwords.matches((password != null) ? password : "", hash);
		}
		finally {
			hashing.release();
		}
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
