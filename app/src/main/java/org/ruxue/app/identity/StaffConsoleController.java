package org.ruxue.app.identity;

import java.util.NoSuchElementException;
import java.util.UUID;

import org.ruxue.app.zoning.Districts;
import org.ruxue.app.zoning.Schools;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The staff console of accounts: the city creates district officers, a district officer
 * the staff of the district's schools; a district officer (or the city) opens a family's
 * account at the office to reset its password or correct its mobile (R-G5, R-G6).
 */
@Controller
class StaffConsoleController {

	private final StaffAccounts staff;

	private final FamilyAccounts families;

	private final Districts districts;

	private final Schools schools;

	StaffConsoleController(StaffAccounts staff, FamilyAccounts families, Districts districts, Schools schools) {
		this.staff = staff;
		this.families = families;
		this.districts = districts;
		this.schools = schools;
	}

	@GetMapping("/staff/accounts")
	String accounts(@AuthenticationPrincipal SignedIn who, Model model) {
		return accountsPage(who, model);
	}

	@PostMapping("/staff/accounts")
	String create(@AuthenticationPrincipal SignedIn who, @RequestParam(defaultValue = "") String username,
			@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String scope,
			@RequestParam(defaultValue = "") String initialPassword, Model model) {
		model.addAttribute("username", username);
		model.addAttribute("displayName", displayName);
		model.addAttribute("scope", scope);
		if (displayName.isBlank()) {
			model.addAttribute("displayNameError", "identity.staff.display-name.required");
			return accountsPage(who, model);
		}
		try {
			staff.createBy(who, username.strip(), displayName.strip(), scope, initialPassword);
		}
		catch (WeakPasswordException ex) {
			model.addAttribute("passwordError", ex.messageKey());
			return accountsPage(who, model);
		}
		catch (IllegalArgumentException ex) {
			String key = ex.getMessage().startsWith("identity.") ? ex.getMessage() : "identity.staff.username.invalid";
			model.addAttribute(key.contains("school") ? "scopeError" : "usernameError", key);
			return accountsPage(who, model);
		}
		return "redirect:/staff/accounts?created=" + username.strip();
	}

	@GetMapping("/staff/families")
	String search(@AuthenticationPrincipal SignedIn who, @RequestParam(required = false) String q, Model model) {
		if (q == null || q.isBlank()) {
			return "identity/families";
		}
		model.addAttribute("q", q);
		return families.search(q, who).map(id -> "redirect:/staff/families/" + id.value()).orElseGet(() -> {
			model.addAttribute("notFound", true);
			return "identity/families";
		});
	}

	@GetMapping("/staff/families/{id}")
	String family(@AuthenticationPrincipal SignedIn who, @PathVariable String id, Model model) {
		model.addAttribute("family", open(id, "view", who));
		return "identity/family";
	}

	@PostMapping("/staff/families/{id}/password-reset")
	String reset(@AuthenticationPrincipal SignedIn who, @PathVariable String id, Model model) {
		AccountId account = accountId(id);
		model.addAttribute("temporaryPassword", wrap(() -> families.resetByDistrict(account, who)));
		model.addAttribute("family", open(id, "after-reset", who));
		return "identity/family";
	}

	@PostMapping("/staff/families/{id}/mobile")
	String changeMobile(@AuthenticationPrincipal SignedIn who, @PathVariable String id,
			@RequestParam(defaultValue = "") String mobile, Model model) {
		AccountId account = accountId(id);
		try {
			wrap(() -> {
				families.changeMobileAtDistrict(account, mobile, who);
				return null;
			});
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("mobile", mobile);
			model.addAttribute("mobileError", "identity.mobile.invalid");
			model.addAttribute("family", open(id, "view", who));
			return "identity/family";
		}
		return "redirect:/staff/families/" + id + "?mobileChanged";
	}

	private String accountsPage(SignedIn who, Model model) {
		model.addAttribute("who", who);
		model.addAttribute("accounts", staff.managedBy(who));
		if (who.role() == Role.CITY_ADMIN) {
			model.addAttribute("scopes", districts.all().stream().map(d -> new Choice(d.code(), d.name())).toList());
		}
		else {
			model.addAttribute("scopes",
					schools.inDistrict(who.districtCode()).stream().map(s -> new Choice(s.code(), s.name())).toList());
		}
		return "identity/staff-accounts";
	}

	record Choice(String value, String label) {

	}

	private FamilyAccounts.Family open(String id, String purpose, SignedIn who) {
		AccountId account = accountId(id);
		return wrap(() -> families.open(account, purpose, who));
	}

	private static AccountId accountId(String id) {
		try {
			return new AccountId(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private static <T> T wrap(java.util.function.Supplier<T> action) {
		try {
			return action.get();
		}
		catch (NoSuchElementException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
