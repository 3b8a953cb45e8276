package org.ruxue.app.identity;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.ruxue.app.tables.Column;
import org.ruxue.app.tables.TableQuery;
import org.ruxue.app.tables.Tables;
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
import org.springframework.web.servlet.ModelAndView;

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

	private final Tables tables;

	/**
	 * The accounts' columns (issue 12): sorted, filtered and downloaded by the staff
	 * table.
	 */
	static final List<Column<StaffAccounts.StaffAccount>> COLUMNS = List.of(
			Column.text("username", "identity.staff.username", StaffAccounts.StaffAccount::username),
			Column.text("name", "identity.staff.display-name", StaffAccounts.StaffAccount::displayName),
			Column.text("scope", "identity.staff.column.scope",
					a -> (a.schoolCode() != null) ? a.schoolCode() : a.districtCode()),
			Column.message("state", "identity.staff.column.state",
					a -> a.mustChangePassword() ? "identity.staff.must-change" : "identity.staff.active"));

	StaffConsoleController(StaffAccounts staff, FamilyAccounts families, Districts districts, Schools schools,
			Tables tables) {
		this.tables = tables;
		this.staff = staff;
		this.families = families;
		this.districts = districts;
		this.schools = schools;
	}

	@GetMapping("/staff/accounts")
	ModelAndView accounts(@AuthenticationPrincipal SignedIn who, TableQuery table, Model model) {
		return accountsPage(who, table, model);
	}

	@PostMapping("/staff/accounts")
	ModelAndView create(@AuthenticationPrincipal SignedIn who, @RequestParam(defaultValue = "") String username,
			@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String scope,
			@RequestParam(defaultValue = "") String initialPassword, Model model) {
		model.addAttribute("username", username);
		model.addAttribute("displayName", displayName);
		model.addAttribute("scope", scope);
		if (displayName.isBlank()) {
			model.addAttribute("displayNameError", "identity.staff.display-name.required");
			return accountsPage(who, TableQuery.none(), model);
		}
		try {
			staff.createBy(who, username.strip(), displayName.strip(), scope, initialPassword);
		}
		catch (WeakPasswordException ex) {
			model.addAttribute("passwordError", ex.messageKey());
			return accountsPage(who, TableQuery.none(), model);
		}
		catch (IllegalArgumentException ex) {
			String key = ex.getMessage().startsWith("identity.") ? ex.getMessage() : "identity.staff.username.invalid";
			model.addAttribute(key.contains("school") ? "scopeError" : "usernameError", key);
			return accountsPage(who, TableQuery.none(), model);
		}
		return new ModelAndView("redirect:/staff/accounts?created=" + username.strip());
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

	private ModelAndView accountsPage(SignedIn who, TableQuery table, Model model) {
		model.addAttribute("who", who);
		if (who.role() == Role.CITY_ADMIN) {
			model.addAttribute("scopes", districts.all().stream().map(d -> new Choice(d.code(), d.name())).toList());
		}
		else {
			model.addAttribute("scopes",
					schools.inDistrict(who.districtCode()).stream().map(s -> new Choice(s.code(), s.name())).toList());
		}
		return tables.show("identity/staff-accounts", "staff-accounts", staff.managedBy(who), COLUMNS, table, model);
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
