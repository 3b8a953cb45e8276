package org.ruxue.app.identity;

import java.time.Clock;

import org.ruxue.app.audit.Actor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting a password, by whichever route: the policy is checked on every set, the hash is
 * slow, and every session of the account ends, so a thief's session goes with the old
 * password.
 */
@Service
class Passwords {

	private final Accounts accounts;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final Sessions sessions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Passwords(Accounts accounts, PasswordEncoder encoder, PasswordPolicy policy, Sessions sessions,
			ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.policy = policy;
		this.sessions = sessions;
		this.events = events;
		this.clock = clock;
	}

	/** Checks the policy alone, before a step that would use up a code. */
	void checkPolicy(String password, String username) {
		policy.check(password, username);
	}

	boolean matchesCurrent(AccountId id, String current) {
		return accounts.byId(id)
			.map(a -> a.passwordHash() != null && encoder.matches((current != null) ? current : "", a.passwordHash()))
			.orElse(false);
	}

	/**
	 * @throws WeakPasswordException when the new password fails the policy
	 */
	@Transactional
	void set(AccountId id, String password, String how, Actor by) {
		Accounts.StoredAccount account = accounts.byId(id).orElseThrow();
		policy.check(password, account.username());
		accounts.setPassword(id, encoder.encode(password), false, clock.instant());
		sessions.endAllOf(account.username());
		events.publishEvent(new PasswordChanged(id, account.username(), how, by));
	}

	/**
	 * A one-time password for a reset at the office: the next sign-in must replace it.
	 */
	@Transactional
	void setTemporary(AccountId id, String temporary, String how, Actor by) {
		Accounts.StoredAccount account = accounts.byId(id).orElseThrow();
		accounts.setPassword(id, encoder.encode(temporary), true, clock.instant());
		sessions.endAllOf(account.username());
		events.publishEvent(new PasswordChanged(id, account.username(), how, by));
	}

}
