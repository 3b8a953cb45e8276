package org.ruxue.app.identity;

import java.time.Clock;
import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.Schools;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates staff accounts, each by the level above: the city its district officers, a
 * district officer the staff of the district's own schools. Each creation goes on the
 * record, and the first sign-in sets a new password.
 */
@Service
public class StaffAccounts {

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final Schools schools;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StaffAccounts(Accounts accounts, PasswordEncoder passwords, PasswordPolicy policy, Schools schools,
			ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.policy = policy;
		this.schools = schools;
		this.events = events;
		this.clock = clock;
	}

	public boolean exists(String username) {
		return accounts.exists(username);
	}

	/**
	 * @param mustChangePassword true for every real account: the first sign-in sets a new
	 * one
	 * @throws WeakPasswordException when the initial password fails the policy
	 */
	@Transactional
	public AccountId create(NewAccount account, String initialPassword, boolean mustChangePassword, Actor by) {
		policy.check(initialPassword);
		AccountId id = AccountId.random();
		accounts.insert(id, account, passwords.encode(initialPassword), mustChangePassword, clock.instant());
		events.publishEvent(new AccountCreated(id, account.username(), account.role(), account.districtCode(),
				account.schoolCode(), by));
		return id;
	}

	/**
	 * An account created by the level above, in its own scope: the city creates district
	 * officers, a district officer creates staff of a school of the district.
	 * @throws AccessDeniedException when the creator may not create this account
	 * @throws IllegalArgumentException when the username is taken or the school unknown
	 */
	@Transactional
	public AccountId createBy(SignedIn creator, String username, String displayName, String districtOrSchool,
			String initialPassword) {
		NewAccount account = switch (creator.role()) {
			case CITY_ADMIN -> new NewAccount(username, displayName, Role.DISTRICT_OFFICER, districtOrSchool, null);
			case DISTRICT_OFFICER -> {
				School school = schools.byCode(districtOrSchool)
					.orElseThrow(() -> new IllegalArgumentException("identity.staff.school.unknown"));
				if (!school.districtCode().equals(creator.districtCode())) {
					throw new AccessDeniedException("A district creates accounts for its own schools only");
				}
				yield new NewAccount(username, displayName, Role.SCHOOL_STAFF, school.districtCode(), school.code());
			}
			default -> throw new AccessDeniedException("Only the city and districts create accounts");
		};
		if (accounts.exists(account.username())) {
			throw new IllegalArgumentException("identity.staff.username.taken");
		}
		return create(account, initialPassword, true, actor(creator));
	}

	/** The accounts the signed-in staff member manages, for their console. */
	public List<StaffAccount> managedBy(SignedIn who) {
		if (who.role() != Role.CITY_ADMIN && who.role() != Role.DISTRICT_OFFICER) {
			return List.of();
		}
		return accounts.staffCreatableBy(who.role(), who.districtCode())
			.stream()
			.map(a -> new StaffAccount(a.username(), a.displayName(), a.role(), a.districtCode(), a.schoolCode(),
					a.mustChangePassword()))
			.toList();
	}

	/** A staff account as its managers see it. */
	public record StaffAccount(String username, String displayName, Role role, String districtCode, String schoolCode,
			boolean mustChangePassword) {

	}

	static Actor actor(SignedIn who) {
		return Actor.of(who.username(), who.role().name());
	}

}
