package org.ruxue.app.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.ruxue.app.audit.Actor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in for staff (username) and families (the child's education ID or ID number and
 * name), both through {@link SignIns}. A failure says the same whatever failed, whether
 * or not the account exists. An account that must change its password is signed in only
 * once it has. The sign-in page itself is the portal's GET /login.
 */
@Controller
class SignInController {

	static final String MUST_CHANGE = "identity.must-change-password";

	private final SignIns signIns;

	private final Accounts accounts;

	private final FamilyAccounts families;

	private final Passwords passwords;

	private final WebSessions web;

	SignInController(SignIns signIns, Accounts accounts, FamilyAccounts families, Passwords passwords,
			WebSessions web) {
		this.signIns = signIns;
		this.accounts = accounts;
		this.families = families;
		this.passwords = passwords;
		this.web = web;
	}

	@PostMapping("/login")
	String staff(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		String name = username.strip();
		SignIns.Attempt attempt = signIns.attempt("staff:" + name,
				() -> accounts.byUsername(name).filter(a -> a.role() != Role.PARENT), password,
				WebSessions.ip(request));
		model.addAttribute("username", name);
		return after(attempt, "staff", model, request, response);
	}

	@PostMapping("/login/family")
	String family(@RequestParam(defaultValue = "") String identifier, @RequestParam(defaultValue = "") String childName,
			@RequestParam(defaultValue = "") String password, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		SignIns.Attempt attempt = signIns.attempt("family:" + families.limitKey(identifier),
				() -> families.forSignIn(identifier, childName), password, WebSessions.ip(request));
		model.addAttribute("identifier", identifier);
		model.addAttribute("childName", childName);
		return after(attempt, "family", model, request, response);
	}

	@GetMapping("/login/new-password")
	String newPasswordPage(HttpSession session) {
		return (session.getAttribute(MUST_CHANGE) != null) ? "identity/new-password" : "redirect:/login";
	}

	@PostMapping("/login/new-password")
	String newPassword(@RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmation, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		AccountId id = (AccountId) request.getSession().getAttribute(MUST_CHANGE);
		if (id == null) {
			return "redirect:/login";
		}
		Accounts.StoredAccount account = accounts.byId(id).orElseThrow();
		if (!password.equals(confirmation)) {
			model.addAttribute("confirmationError", "identity.password.mismatch");
			return "identity/new-password";
		}
		try {
			passwords.set(id, password, "first-sign-in", Actor.of(account.username(), account.role().name()));
		}
		catch (WeakPasswordException ex) {
			model.addAttribute("passwordError", ex.messageKey());
			return "identity/new-password";
		}
		web.end(request);
		return "redirect:" + web.signIn(account.signedIn(), request, response);
	}

	private String after(SignIns.Attempt attempt, String tab, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		switch (attempt.outcome()) {
			case SIGNED_IN -> {
				return "redirect:" + web.signIn(attempt.account().signedIn(), request, response);
			}
			case MUST_CHANGE_PASSWORD -> {
				request.getSession(true);
				request.changeSessionId();
				request.getSession().setAttribute(MUST_CHANGE, attempt.account().id());
				return "redirect:/login/new-password";
			}
			default -> {
				model.addAttribute("tab", tab);
				model.addAttribute("failed", true);
				return "login";
			}
		}
	}

}
