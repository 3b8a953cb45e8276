package org.ruxue.app.identity;

import java.io.Serializable;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.identity.Accounts.StoredAccount;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.population.InvalidIdCardNumberException;
import org.ruxue.app.population.PopulationRegister;
import org.ruxue.app.population.RegisteredChildren;
import org.ruxue.app.population.SealedIdNumbers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Family accounts (R-G2, R-G5, R-G6). A family signs in with the child's education ID, or
 * before it has one the child's ID-card number, and the child's name, then the password.
 * An account is either provisioned from the registry with its registered mobile (junior
 * entry), or started by the family with the child's ID number and name as the population
 * register holds them (primary entry, R-P11); either way the family proves the mobile by
 * an SMS code when it activates and sets its password.
 */
@Service
public class FamilyAccounts {

	private static final String TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	/** Graduates sent to the database per statement by {@link #provisionAll}. */
	private static final int PROVISION_CHUNK = 10_000;

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final SealedIdNumbers sealed;

	private final PopulationRegister register;

	private final RegisteredChildren children;

	private final SmsCodes codes;

	private final Passwords passwords;

	private final AccessPolicy policy;

	private final Sessions sessions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final AttemptLimits limits;

	private final SecurityProperties.Codes settings;

	FamilyAccounts(JdbcClient jdbc, Accounts accounts, SealedIdNumbers sealed, PopulationRegister register,
			RegisteredChildren children, SmsCodes codes, Passwords passwords, AccessPolicy policy, Sessions sessions,
			AttemptLimits limits, SecurityProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.limits = limits;
		this.settings = properties.codes();
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.sealed = sealed;
		this.register = register;
		this.children = children;
		this.codes = codes;
		this.passwords = passwords;
		this.policy = policy;
		this.sessions = sessions;
		this.events = events;
		this.clock = clock;
	}

	/** A family account as staff and the family see it: the ID number masked. */
	public record Family(AccountId id, String username, String childName, String maskedIdNumber, String educationId,
			String districtCode, MobileNumber mobile, boolean activated) {

		public AccessPolicy.Scope scope() {
			return new AccessPolicy.Scope(districtCode, null, id);
		}

		/**
		 * The page that tells the family what to do now (issue 12): a graduate's junior
		 * entry, known by its education ID (R-J1), else the child's primary entry.
		 */
		public String journeyPage() {
			return (educationId != null) ? "/junior" : "/primary";
		}

	}

	/**
	 * Where a started activation, reset or mobile change waits for its code (session).
	 */
	public record Pending(AccountId account, MobileNumber mobile) implements Serializable {

	}

	public enum Step {

		CODE_SENT, NO_MATCH, ALREADY_ACTIVE, MOBILE_NEEDED, TOO_SOON, DAILY_LIMIT, IP_LIMIT, DONE, WRONG_CODE, VOID_CODE

	}

	public record Started(Step step, Pending pending) {

	}

	/** For the registry import (junior entry): an account waiting for activation. */
	@Transactional
	public AccountId provision(IdCardNumber childIdNumber, String childName, String educationId,
			MobileNumber registeredMobile) {
		AccountId id = insert(childIdNumber, childName, normalEducationId(educationId), registeredMobile);
		events.publishEvent(new FamilyAccountProvisioned(id, "provisioned", Actor.SYSTEM));
		return id;
	}

	/**
	 * One graduate's family account for {@link #provisionAll}: the child's ID number as
	 * {@link SealedIdNumbers} sealed and hashed it, the registered mobile, and the
	 * district the student enters junior high in.
	 */
	public record Provision(String educationId, byte[] childIdSealed, byte[] childIdHash, String childName,
			MobileNumber registeredMobile, String districtCode) {

	}

	/**
	 * What {@link #provisionAll} did: accounts created, accounts a family had started
	 * (primary entry) now signing in with the education ID too, and accounts there
	 * already.
	 */
	public record Provisioned(int created, int linked, int unchanged) {

	}

	/**
	 * The registry import's bulk path (R-J1, R-G2): {@link #provision} for a whole run of
	 * graduates, set-based, with one audit entry for the run. An account with the
	 * education ID is kept (its district follows the student's); a family account of the
	 * same child without one gets it; every other graduate gets a new account waiting for
	 * activation with the registered mobile.
	 */
	@Transactional
	public Provisioned provisionAll(List<Provision> graduates, String runId, Actor by) {
		jdbc.sql("""
				create temporary table family_provision (education_id text, child_id_sealed bytea,
				  child_id_hash bytea, child_name text, mobile text, district_code text, account_id uuid)
				on commit drop
				""").update();
		for (int from = 0; from < graduates.size(); from += PROVISION_CHUNK) {
			stageProvisions(graduates.subList(from, Math.min(graduates.size(), from + PROVISION_CHUNK)));
		}
		jdbc.sql("analyze family_provision").update();
		jdbc.sql("""
				update family_account f set district_code = p.district_code
				from family_provision p where f.education_id = p.education_id
				  and f.district_code is distinct from p.district_code
				""").update();
		int linked = jdbc.sql("""
				update family_account f set education_id = p.education_id, district_code = p.district_code
				from family_provision p where f.child_id_hash = p.child_id_hash and f.education_id is null
				  and not exists (select 1 from family_account g where g.education_id = p.education_id)
				""").update();
		int created = jdbc.sql("""
				update family_provision p set account_id = gen_random_uuid()
				where not exists (select 1 from family_account f where f.education_id = p.education_id)
				  and not exists (select 1 from family_account f where f.child_id_hash = p.child_id_hash)
				""").update();
		jdbc.sql("""
				insert into account (id, username, display_name, password_hash, role, district_code, school_code,
				  must_change_password, created_at)
				select account_id, 'family-' || left(account_id::text, 13), child_name, null, 'PARENT', district_code,
				  null, false, ?
				from family_provision where account_id is not null
				""").param(Timestamp.from(clock.instant())).update();
		jdbc.sql("""
				insert into family_account (account_id, child_id_sealed, child_id_hash, child_name, education_id,
				  district_code, mobile)
				select account_id, child_id_sealed, child_id_hash, child_name, education_id, district_code, mobile
				from family_provision where account_id is not null
				""").update();
		Provisioned done = new Provisioned(created, linked, graduates.size() - created - linked);
		events.publishEvent(new FamilyAccountsProvisioned(runId, created, linked, done.unchanged(), by));
		return done;
	}

	private void stageProvisions(List<Provision> chunk) {
		jdbc.sql("""
				insert into family_provision (education_id, child_id_sealed, child_id_hash, child_name, mobile,
				  district_code)
				select * from unnest(?::text[], ?::bytea[], ?::bytea[], ?::text[], ?::text[], ?::text[])
				""")
			.params(chunk.stream().map(p -> normalEducationId(p.educationId())).toArray(String[]::new),
					chunk.stream().map(Provision::childIdSealed).toArray(byte[][]::new),
					chunk.stream().map(Provision::childIdHash).toArray(byte[][]::new),
					chunk.stream().map(Provision::childName).toArray(String[]::new),
					chunk.stream()
						.map(p -> (p.registeredMobile() != null) ? p.registeredMobile().value() : null)
						.toArray(String[]::new),
					chunk.stream().map(Provision::districtCode).toArray(String[]::new))
			.update();
	}

	/**
	 * The registry assigned the child its education ID: the family may sign in with it.
	 */
	@Transactional
	public void assignEducationId(IdCardNumber childIdNumber, String educationId, Actor by) {
		Family family = byIdNumber(childIdNumber)
			.orElseThrow(() -> new IllegalArgumentException("No family account for this child"));
		jdbc.sql("update family_account set education_id = ? where account_id = ?")
			.params(normalEducationId(educationId), family.id().value())
			.update();
		events.publishEvent(new FamilyAccountProvisioned(family.id(), "education-id-assigned", by));
	}

	/**
	 * Step 1 of activation: the child's number and name, and for a family that starts its
	 * own account the guardian's mobile. The code goes to the registered mobile when the
	 * account has one, else to the mobile typed, which becomes registered once proven.
	 */
	@Transactional
	public Started startActivation(String identifier, String childName, String mobileText, String ip) {
		if (tooManyChecks(identifier, ip)) {
			return new Started(Step.IP_LIMIT, null);
		}
		Optional<Family> any = find(identifier);
		Optional<Family> found = any.filter(f -> sameName(f, childName));
		if (any.isPresent() && found.isEmpty()) {
			return new Started(Step.NO_MATCH, null);
		}
		if (found.isPresent() && found.get().activated()) {
			return new Started(Step.ALREADY_ACTIVE, null);
		}
		AccountId id;
		MobileNumber target;
		if (found.isPresent() && found.get().mobile() != null) {
			id = found.get().id();
			target = found.get().mobile();
		}
		else {
			IdCardNumber number = idNumberOrNull(identifier);
			if (number == null || (found.isEmpty() && !register.verify(number, childName).passed())) {
				return new Started(Step.NO_MATCH, null);
			}
			if (mobileText == null || mobileText.isBlank()) {
				return new Started(Step.MOBILE_NEEDED, null);
			}
			target = MobileNumber.parse(mobileText);
			id = found.map(Family::id).orElseGet(() -> insert(number, childName.strip(), null, null));
		}
		Step sent = step(codes.send(target, SmsCodes.Purpose.ACTIVATION, ip));
		return new Started(sent, (sent == Step.CODE_SENT) ? new Pending(id, target) : null);
	}

	/**
	 * Step 2 of activation: the code proves the mobile, which becomes the registered one.
	 */
	@Transactional(noRollbackFor = WeakPasswordException.class)
	public Step completeActivation(Pending pending, String code, String password) {
		StoredAccount account = accounts.byId(pending.account()).orElseThrow();
		passwords.checkPolicy(password, account.username());
		SmsCodes.Check check = codes.check(pending.mobile(), SmsCodes.Purpose.ACTIVATION, code);
		if (!check.valid()) {
			return (check == SmsCodes.Check.WRONG) ? Step.WRONG_CODE : Step.VOID_CODE;
		}
		jdbc.sql("update family_account set mobile = ?, activated_at = ? where account_id = ?")
			.params(pending.mobile().value(), Timestamp.from(clock.instant()), pending.account().value())
			.update();
		passwords.set(pending.account(), password, "activation", new Actor(account.username(), "PARENT", null));
		events.publishEvent(new FamilyAccountActivated(pending.account(), account.username(), pending.mobile()));
		return Step.DONE;
	}

	/**
	 * Step 1 of a self-service reset (R-G5). It answers the same whether or not the
	 * details match an account: only the registered mobile learns the difference.
	 */
	@Transactional
	public Started startReset(String identifier, String childName, String ip) {
		if (tooManyChecks(identifier, ip)) {
			return new Started(Step.IP_LIMIT, null);
		}
		Optional<Family> found = find(identifier).filter(f -> sameName(f, childName))
			.filter(f -> f.activated() && f.mobile() != null);
		if (found.isEmpty()) {
			return new Started(Step.CODE_SENT, new Pending(null, null));
		}
		Step sent = step(codes.send(found.get().mobile(), SmsCodes.Purpose.RESET, ip));
		if (sent == Step.IP_LIMIT) {
			return new Started(sent, null);
		}
		// a number's own limits would tell that the account exists: the earlier code
		// still serves
		return new Started(Step.CODE_SENT, new Pending(found.get().id(), found.get().mobile()));
	}

	@Transactional(noRollbackFor = WeakPasswordException.class)
	public Step completeReset(Pending pending, String code, String password) {
		if (pending.account() == null) {
			passwords.checkPolicy(password, null);
			return Step.WRONG_CODE;
		}
		StoredAccount account = accounts.byId(pending.account()).orElseThrow();
		passwords.checkPolicy(password, account.username());
		SmsCodes.Check check = codes.check(pending.mobile(), SmsCodes.Purpose.RESET, code);
		if (!check.valid()) {
			return (check == SmsCodes.Check.WRONG) ? Step.WRONG_CODE : Step.VOID_CODE;
		}
		passwords.set(pending.account(), password, "self-service-reset", new Actor(account.username(), "PARENT", null));
		return Step.DONE;
	}

	/**
	 * Step 1 of a change of the registered mobile by the family (R-G6): a code to the old
	 * number proves the family still controls it.
	 */
	@Transactional
	public Started startMobileChange(SignedIn parent, String newMobileText, String ip) {
		Family family = byAccount(parent.id()).orElseThrow();
		MobileNumber next = MobileNumber.parse(newMobileText);
		Step sent = step(codes.send(family.mobile(), SmsCodes.Purpose.MOBILE_CHANGE, ip));
		return new Started(sent, (sent == Step.CODE_SENT) ? new Pending(family.id(), next) : null);
	}

	/**
	 * Step 2: the code to the old number proves the family still holds it; a code then
	 * goes to the new number, so that a mistyped number is never registered.
	 */
	@Transactional
	public Step proveOldNumber(SignedIn parent, Pending pending, String code, String ip) {
		Family family = byAccount(parent.id()).orElseThrow();
		if (!family.id().equals(pending.account())) {
			return Step.VOID_CODE;
		}
		SmsCodes.Check check = codes.check(family.mobile(), SmsCodes.Purpose.MOBILE_CHANGE, code);
		if (!check.valid()) {
			return (check == SmsCodes.Check.WRONG) ? Step.WRONG_CODE : Step.VOID_CODE;
		}
		return step(codes.send(pending.mobile(), SmsCodes.Purpose.MOBILE_CHANGE, ip));
	}

	/**
	 * Step 3: the code to the new number; the number changes, and the old one is told.
	 */
	@Transactional
	public Step completeMobileChange(SignedIn parent, Pending pending, String code) {
		Family family = byAccount(parent.id()).orElseThrow();
		if (!family.id().equals(pending.account())) {
			return Step.VOID_CODE;
		}
		SmsCodes.Check check = codes.check(pending.mobile(), SmsCodes.Purpose.MOBILE_CHANGE, code);
		if (!check.valid()) {
			return (check == SmsCodes.Check.WRONG) ? Step.WRONG_CODE : Step.VOID_CODE;
		}
		changeMobile(family, pending.mobile(), "proven-old-and-new-number", StaffAccounts.actor(parent));
		return Step.DONE;
	}

	/**
	 * At the district office, the family's documents seen (R-G6); audited, old number
	 * told.
	 */
	@Transactional
	public void changeMobileAtDistrict(AccountId id, String newMobileText, SignedIn officer) {
		Family family = open(id, "change-mobile", officer);
		changeMobile(family, MobileNumber.parse(newMobileText), "district-office", StaffAccounts.actor(officer));
	}

	/**
	 * A reset at the district office (R-G5): a one-time password handed to the family,
	 * replaced at the next sign-in. Every session of the account ends; the family is
	 * told.
	 * @return the one-time password, shown once to the officer
	 */
	@Transactional
	public String resetByDistrict(AccountId id, SignedIn officer) {
		Family family = open(id, "reset-password", officer);
		StringBuilder temporary = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			temporary.append(TEMPORARY_ALPHABET.charAt(random.nextInt(TEMPORARY_ALPHABET.length())));
		}
		Actor by = StaffAccounts.actor(officer);
		passwords.setTemporary(id, temporary.toString(), "district-reset", by);
		events.publishEvent(new FamilyPasswordResetByDistrict(id, family.username(), family.mobile(), by));
		return temporary.toString();
	}

	/**
	 * A member of staff opens a family's account: within their scope only, and on the
	 * record.
	 * @throws org.springframework.security.access.AccessDeniedException outside the scope
	 */
	@Transactional
	public Family open(AccountId id, String purpose, SignedIn staff) {
		Family family = byAccount(id).orElseThrow(() -> new java.util.NoSuchElementException("No such family"));
		policy.require(staff, family.scope());
		events.publishEvent(new FamilyAccountOpened(id, purpose, StaffAccounts.actor(staff)));
		return family;
	}

	/**
	 * Finds a family by what staff type, the child's education ID or ID number, within
	 * the staff member's scope only: outside it, the family is not found.
	 */
	@Transactional(readOnly = true)
	public Optional<AccountId> search(String identifier, SignedIn staff) {
		return find(identifier).filter(f -> policy.permits(staff, f.scope())).map(Family::id);
	}

	/** For the demo only: an activated account without the SMS round trip. */
	@Transactional
	void activateWithoutCode(AccountId id, MobileNumber mobile, String password) {
		jdbc.sql("update family_account set mobile = ?, activated_at = ? where account_id = ?")
			.params(mobile.value(), Timestamp.from(clock.instant()), id.value())
			.update();
		passwords.set(id, password, "demo", Actor.SYSTEM);
	}

	/** The family's own view of its account. */
	@Transactional(readOnly = true)
	public Optional<Family> ofParent(SignedIn parent) {
		return byAccount(parent.id());
	}

	/**
	 * Where the platform tells a family something (R-G6): the account's inbox and its
	 * registered mobile. For notices only; nothing of the child is returned.
	 */
	@Transactional(readOnly = true)
	public Optional<Contact> contact(AccountId id) {
		return byAccount(id).map(f -> new Contact(f.username(), f.mobile()));
	}

	/**
	 * Where to tell many families at once (a published result, R-G8), by education ID or
	 * by account: one query per thousand, so that a city's result goes out in seconds.
	 * Families without an account are absent from the map.
	 */
	@Transactional(readOnly = true)
	public Map<String, Contact> contactsByEducationId(Collection<String> educationIds) {
		return contacts("f.education_id", new ArrayList<>(educationIds));
	}

	/** As {@link #contactsByEducationId}, keyed by the account id's text. */
	@Transactional(readOnly = true)
	public Map<String, Contact> contactsByAccount(Collection<AccountId> accounts) {
		return contacts("f.account_id", accounts.stream().map(AccountId::value).toList());
	}

	private Map<String, Contact> contacts(String column, List<?> keys) {
		Map<String, Contact> found = new HashMap<>();
		for (int from = 0; from < keys.size(); from += 1000) {
			List<?> chunk = keys.subList(from, Math.min(keys.size(), from + 1000));
			jdbc.sql("select " + column + " as k, a.username, f.mobile from family_account f "
					+ "join account a on a.id = f.account_id where " + column + " in (:keys)")
				.param("keys", chunk)
				.query((rs, n) -> Map.entry(rs.getObject("k").toString(),
						new Contact(rs.getString("username"),
								(rs.getString("mobile") != null) ? new MobileNumber(rs.getString("mobile")) : null)))
				.list()
				.forEach(e -> found.put(e.getKey(), e.getValue()));
		}
		return found;
	}

	/** The family account of a child, for a district registering on its behalf (R-P3). */
	@Transactional(readOnly = true)
	public Optional<AccountId> ofChild(IdCardNumber child) {
		return byIdNumber(child).map(Family::id);
	}

	/**
	 * Whether the account belongs to this child: a family registers its own child only.
	 */
	@Transactional(readOnly = true)
	public boolean isChildOf(AccountId id, IdCardNumber child) {
		return byIdNumber(child).map(f -> f.id().equals(id)).orElse(false);
	}

	/**
	 * @param mobile null until the family proved one
	 */
	public record Contact(String username, MobileNumber mobile) {

	}

	/** For sign-in: the activated account with this identifier and child's name. */
	Optional<StoredAccount> forSignIn(String identifier, String childName) {
		return find(identifier).filter(f -> f.activated() && sameName(f, childName))
			.flatMap(f -> accounts.byId(f.id()));
	}

	Optional<Family> find(String identifier) {
		IdCardNumber number = idNumberOrNull(identifier);
		if (number != null) {
			return byIdNumber(number);
		}
		if (identifier == null || !normalEducationId(identifier).matches("[A-Z0-9]{6,32}")) {
			return Optional.empty();
		}
		return query("f.education_id = ?", normalEducationId(identifier));
	}

	private Optional<Family> byIdNumber(IdCardNumber number) {
		return query("f.child_id_hash = ?", sealed.lookupHash(number));
	}

	private Optional<Family> byAccount(AccountId id) {
		return query("f.account_id = ?", id.value());
	}

	private Optional<Family> query(String condition, Object value) {
		return jdbc
			.sql("select f.*, a.username from family_account f join account a on a.id = f.account_id where "
					+ condition)
			.param(value)
			.query((rs, n) -> new Family(new AccountId(rs.getObject("account_id", UUID.class)),
					rs.getString("username"), rs.getString("child_name"),
					(rs.getBytes("child_id_sealed") != null) ? sealed.open(rs.getBytes("child_id_sealed")).masked()
							: null,
					rs.getString("education_id"), rs.getString("district_code"),
					(rs.getString("mobile") != null) ? new MobileNumber(rs.getString("mobile")) : null,
					rs.getTimestamp("activated_at") != null))
			.optional();
	}

	private AccountId insert(IdCardNumber number, String childName, String educationId, MobileNumber mobile) {
		AccountId id = AccountId.random();
		String username = "family-" + id.value().toString().substring(0, 13);
		String district = children.districtOf(number).orElse(null);
		accounts.insert(id, new NewAccount(username, childName, Role.PARENT, district, null), null, false,
				clock.instant());
		jdbc.sql("""
				insert into family_account (account_id, child_id_sealed, child_id_hash, child_name, education_id,
				  district_code, mobile)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id.value(), sealed.seal(number), sealed.lookupHash(number), childName, educationId, district,
					(mobile != null) ? mobile.value() : null)
			.update();
		return id;
	}

	private void changeMobile(Family family, MobileNumber next, String how, Actor by) {
		jdbc.sql("update family_account set mobile = ? where account_id = ?")
			.params(next.value(), family.id().value())
			.update();
		events
			.publishEvent(new RegisteredMobileChanged(family.id(), family.username(), family.mobile(), next, how, by));
	}

	/** What counters key a child by: a keyed hash, never the identifier itself. */
	String limitKey(String identifier) {
		return sealed.keyedHash((identifier != null) ? identifier.strip().toUpperCase(Locale.ROOT) : "");
	}

	/** Counts a look-up by IP and by child, whatever it finds. */
	private boolean tooManyChecks(String identifier, String ip) {
		java.time.Instant now = clock.instant();
		String child = limitKey(identifier);
		boolean byIp = limits.hit("check-ip:" + ip, java.time.Duration.ofHours(1), now) > settings.checksPerIpPerHour();
		boolean byChild = limits.hit("check-child:" + child, java.time.Duration.ofHours(24), now) > settings
			.checksPerChildPerDay();
		return byIp || byChild;
	}

	private static Step step(SmsCodes.Sending sending) {
		return switch (sending) {
			case SENT -> Step.CODE_SENT;
			case TOO_SOON -> Step.TOO_SOON;
			case DAILY_LIMIT -> Step.DAILY_LIMIT;
			case IP_LIMIT -> Step.IP_LIMIT;
		};
	}

	private static IdCardNumber idNumberOrNull(String identifier) {
		if (identifier == null || identifier.strip().length() != 18) {
			return null;
		}
		try {
			return IdCardNumber.parse(identifier);
		}
		catch (InvalidIdCardNumberException ex) {
			return null;
		}
	}

	private static String normalEducationId(String educationId) {
		return (educationId != null) ? educationId.strip().toUpperCase(Locale.ROOT) : null;
	}

	private static boolean sameName(Family family, String typed) {
		return comparable(family.childName()).equals(comparable(typed));
	}

	private static String comparable(String name) {
		return (name == null) ? "" : Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]", "");
	}

}
