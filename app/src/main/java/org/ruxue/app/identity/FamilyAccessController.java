package org.ruxue.app.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A family activates its account (R-G2) or resets its password (R-G5) with an SMS code:
 * step 1 names the child, step 2 proves the code and sets the password. Between the two,
 * the session holds only the account id and the number the code went to.
 */
@Controller
class FamilyAccessController {

	static final String ACTIVATION = "identity.activation";

	static final String RESET = "identity.reset";

	/**
	 * What the step before asked and the code that completed a step: the same form sent
	 * again after a lost answer (a slow connection) is answered as the first time, not
	 * with "too soon" or a code that no longer works.
	 */
	static final String ACTIVATION_ASKED = "identity.activation.asked";

	static final String ACTIVATION_DONE = "identity.activation.done";

	static final String RESET_DONE = "identity.reset.done";

	private final FamilyAccounts families;

	FamilyAccessController(FamilyAccounts families) {
		this.families = families;
	}

	@GetMapping("/family/activate")
	String activatePage() {
		return "identity/activate";
	}

	@PostMapping("/family/activate")
	String startActivation(@RequestParam(defaultValue = "") String identifier,
			@RequestParam(defaultValue = "") String childName, @RequestParam(defaultValue = "") String mobile,
			Model model, HttpServletRequest request, HttpSession session) {
		model.addAttribute("identifier", identifier);
		model.addAttribute("childName", childName);
		model.addAttribute("mobile", mobile);
		FamilyAccounts.Started started;
		try {
			started = families.startActivation(identifier, childName, mobile, WebSessions.ip(request));
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("mobileError", "identity.mobile.invalid");
			return "identity/activate";
		}
		String asked = identifier.strip() + "|" + childName.strip() + "|" + mobile.strip();
		if (started.step() == FamilyAccounts.Step.TOO_SOON && asked.equals(session.getAttribute(ACTIVATION_ASKED))
				&& session.getAttribute(ACTIVATION) instanceof FamilyAccounts.Pending earlier) {
			// the same request sent again: the code sent a moment ago still serves
			model.addAttribute("maskedMobile", earlier.mobile().masked());
			return "identity/activate-confirm";
		}
		if (started.pending() == null) {
			String field = switch (started.step()) {
				case MOBILE_NEEDED -> "mobileError";
				case NO_MATCH -> "identifierError";
				default -> "stepError";
			};
			model.addAttribute(field, "identity.step." + started.step());
			return "identity/activate";
		}
		session.setAttribute(ACTIVATION, started.pending());
		session.setAttribute(ACTIVATION_ASKED, asked);
		model.addAttribute("maskedMobile", started.pending().mobile().masked());
		return "identity/activate-confirm";
	}

	@PostMapping("/family/activate/confirm")
	String completeActivation(@RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
			Model model, HttpSession session) {
		FamilyAccounts.Pending pending = (FamilyAccounts.Pending) session.getAttribute(ACTIVATION);
		if (pending == null) {
			return code.equals(session.getAttribute(ACTIVATION_DONE)) ? "redirect:/login?activated"
					: "redirect:/family/activate";
		}
		model.addAttribute("maskedMobile", pending.mobile().masked());
		String view = confirm(model, password, confirmation, () -> families.completeActivation(pending, code, password),
				"identity/activate-confirm");
		if (view.startsWith("redirect:")) {
			session.removeAttribute(ACTIVATION);
			session.removeAttribute(ACTIVATION_ASKED);
			session.setAttribute(ACTIVATION_DONE, code);
			return "redirect:/login?activated";
		}
		return view;
	}

	@GetMapping("/family/reset")
	String resetPage() {
		return "identity/reset";
	}

	@PostMapping("/family/reset")
	String startReset(@RequestParam(defaultValue = "") String identifier,
			@RequestParam(defaultValue = "") String childName, Model model, HttpServletRequest request,
			HttpSession session) {
		model.addAttribute("identifier", identifier);
		model.addAttribute("childName", childName);
		FamilyAccounts.Started started = families.startReset(identifier, childName, WebSessions.ip(request));
		if (started.step() != FamilyAccounts.Step.CODE_SENT) {
			model.addAttribute("stepError", "identity.step." + started.step());
			return "identity/reset";
		}
		session.setAttribute(RESET, started.pending());
		return "identity/reset-confirm";
	}

	@PostMapping("/family/reset/confirm")
	String completeReset(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmation, Model model, HttpSession session) {
		FamilyAccounts.Pending pending = (FamilyAccounts.Pending) session.getAttribute(RESET);
		if (pending == null) {
			return code.equals(session.getAttribute(RESET_DONE)) ? "redirect:/login?reset" : "redirect:/family/reset";
		}
		String view = confirm(model, password, confirmation, () -> families.completeReset(pending, code, password),
				"identity/reset-confirm");
		if (view.startsWith("redirect:")) {
			session.removeAttribute(RESET);
			session.setAttribute(RESET_DONE, code);
			return "redirect:/login?reset";
		}
		return view;
	}

	private static String confirm(Model model, String password, String confirmation,
			java.util.function.Supplier<FamilyAccounts.Step> step, String view) {
		if (!password.equals(confirmation)) {
			model.addAttribute("confirmationError", "identity.password.mismatch");
			return view;
		}
		try {
			FamilyAccounts.Step done = step.get();
			if (done == FamilyAccounts.Step.DONE) {
				return "redirect:";
			}
			model.addAttribute("codeError", "identity.step." + done);
			return view;
		}
		catch (WeakPasswordException ex) {
			model.addAttribute("passwordError", ex.messageKey());
			return view;
		}
	}

}
