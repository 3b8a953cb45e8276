package org.ruxue.app.identity;

import java.time.Clock;

import org.ruxue.app.audit.Actor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts; each creation goes on the record. */
@Service
public class StaffAccounts {

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StaffAccounts(Accounts accounts, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
	}

	public boolean exists(String username) {
		return accounts.exists(username);
	}

	/**
	 * @param mustChangePassword true for every real account: the first sign-in sets a new
	 * one
	 */
	@Transactional
	public AccountId create(NewAccount account, String initialPassword, boolean mustChangePassword, Actor by) {
		if (initialPassword == null || initialPassword.length() < 12) {
			throw new IllegalArgumentException("An initial password has at least 12 characters");
		}
		AccountId id = AccountId.random();
		accounts.insert(id, account, passwords.encode(initialPassword), mustChangePassword, clock.instant());
		events.publishEvent(new AccountCreated(id, account.username(), account.role(), account.districtCode(),
				account.schoolCode(), by));
		return id;
	}

}
