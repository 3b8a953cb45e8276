package org.ruxue.app.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in account's own page: its password, and for a family the registered mobile.
 */
@Controller
class AccountController {

	static final String MOBILE_CHANGE = "identity.mobile-change";

	static final String OLD_PROVEN = "identity.mobile-change.old-proven";

	/**
	 * The code that completed the change: the same form sent again after a lost answer is
	 * answered as the first time.
	 */
	static final String MOBILE_CHANGED = "identity.mobile-change.done";

	private final FamilyAccounts families;

	private final Passwords passwords;

	private final WebSessions web;

	AccountController(FamilyAccounts families, Passwords passwords, WebSessions web) {
		this.families = families;
		this.passwords = passwords;
		this.web = web;
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal SignedIn who, Model model) {
		model.addAttribute("who", who);
		model.addAttribute("family", (who.role() == Role.PARENT) ? families.ofParent(who).orElse(null) : null);
		return "identity/account";
	}

	@GetMapping("/account/password")
	String passwordPage() {
		return "identity/password";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal SignedIn who, @RequestParam(defaultValue = "") String current,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		if (!passwords.matchesCurrent(who.id(), current)) {
			model.addAttribute("currentError", "identity.password.current-wrong");
			return "identity/password";
		}
		if (!password.equals(confirmation)) {
			model.addAttribute("confirmationError", "identity.password.mismatch");
			return "identity/password";
		}
		try {
			passwords.checkPolicy(password, who.username());
		}
		catch (WeakPasswordException ex) {
			model.addAttribute("passwordError", ex.messageKey());
			return "identity/password";
		}
		// this session ends with all the others; the browser continues in a new one
		web.end(request);
		passwords.set(who.id(), password, "changed-by-owner", StaffAccounts.actor(who));
		web.signIn(who, request, response);
		return "redirect:/account?changed";
	}

	@GetMapping("/account/mobile")
	String mobilePage(@AuthenticationPrincipal SignedIn who, Model model) {
		model.addAttribute("family", familyOf(who));
		return "identity/mobile";
	}

	@PostMapping("/account/mobile")
	String startMobileChange(@AuthenticationPrincipal SignedIn who, @RequestParam(defaultValue = "") String mobile,
			Model model, HttpServletRequest request, HttpSession session) {
		model.addAttribute("family", familyOf(who));
		model.addAttribute("mobile", mobile);
		FamilyAccounts.Started started;
		try {
			familyOf(who);
			started = families.startMobileChange(who, mobile, WebSessions.ip(request));
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("mobileError", "identity.mobile.invalid");
			return "identity/mobile";
		}
		if (started.step() == FamilyAccounts.Step.TOO_SOON && session.getAttribute(OLD_PROVEN) == null
				&& session.getAttribute(MOBILE_CHANGE) instanceof FamilyAccounts.Pending earlier
				&& earlier.mobile().value().equals(mobile.strip())) {
			// the same request sent again: the code sent a moment ago still serves
			model.addAttribute("codeSent", true);
			return "identity/mobile";
		}
		if (started.pending() == null) {
			model.addAttribute("stepError", "identity.step." + started.step());
			return "identity/mobile";
		}
		session.removeAttribute(OLD_PROVEN);
		session.setAttribute(MOBILE_CHANGE, started.pending());
		model.addAttribute("codeSent", true);
		return "identity/mobile";
	}

	@PostMapping("/account/mobile/confirm")
	String confirmMobileChange(@AuthenticationPrincipal SignedIn who, @RequestParam(defaultValue = "") String code,
			Model model, HttpServletRequest request, HttpSession session) {
		FamilyAccounts.Pending pending = (FamilyAccounts.Pending) session.getAttribute(MOBILE_CHANGE);
		if (pending == null) {
			return code.equals(session.getAttribute(MOBILE_CHANGED)) ? "redirect:/account?mobileChanged"
					: "redirect:/account/mobile";
		}
		FamilyAccounts.Family family = familyOf(who);
		boolean oldProven = session.getAttribute(OLD_PROVEN) != null;
		if (oldProven && code.equals(session.getAttribute(OLD_PROVEN))) {
			// the code to the old number sent again: the new number's code was sent
			model.addAttribute("family", family);
			model.addAttribute("codeSent", true);
			model.addAttribute("newNumber", pending.mobile().masked());
			return "identity/mobile";
		}
		FamilyAccounts.Step step = oldProven ? families.completeMobileChange(who, pending, code)
				: families.proveOldNumber(who, pending, code, WebSessions.ip(request));
		if (step == FamilyAccounts.Step.DONE) {
			session.removeAttribute(MOBILE_CHANGE);
			session.removeAttribute(OLD_PROVEN);
			session.setAttribute(MOBILE_CHANGED, code);
			return "redirect:/account?mobileChanged";
		}
		model.addAttribute("family", family);
		if (!oldProven && step == FamilyAccounts.Step.CODE_SENT) {
			session.setAttribute(OLD_PROVEN, code);
			model.addAttribute("codeSent", true);
			model.addAttribute("newNumber", pending.mobile().masked());
			return "identity/mobile";
		}
		if (step == FamilyAccounts.Step.WRONG_CODE) {
			model.addAttribute("codeSent", true);
			model.addAttribute("newNumber", oldProven ? pending.mobile().masked() : null);
		}
		else {
			session.removeAttribute(MOBILE_CHANGE);
			session.removeAttribute(OLD_PROVEN);
		}
		model.addAttribute("codeError", "identity.step." + step);
		return "identity/mobile";
	}

	/**
	 * Only a family has a registered mobile; staff change theirs with the level above.
	 */
	private FamilyAccounts.Family familyOf(SignedIn who) {
		return families.ofParent(who)
			.orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not a family account"));
	}

}
