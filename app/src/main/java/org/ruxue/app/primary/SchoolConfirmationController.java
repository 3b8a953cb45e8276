package org.ruxue.app.primary;

import java.util.List;

import org.ruxue.app.identity.SignedIn;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * School staff (R-P6): scan the form's QR code or type its short code, see whether the
 * form is genuine and current, confirm acceptance or report a problem to the district.
 */
@Controller
class SchoolConfirmationController {

	private final PrimaryRegistrations registrations;

	private final RegistrationPages pages;

	SchoolConfirmationController(PrimaryRegistrations registrations, RegistrationPages pages) {
		this.registrations = registrations;
		this.pages = pages;
	}

	@GetMapping("/school/forms")
	String check(@RequestParam(required = false) String code, @AuthenticationPrincipal SignedIn staff, Model model) {
		model.addAttribute("code", code);
		if (code != null && !code.isBlank()) {
			var found = registrations.checkForm(code, staff);
			if (found.isEmpty()) {
				model.addAttribute("problems",
						pages.messages(List.of(FieldProblem.of("code", "primary.school.unknown-code"))));
			}
			else {
				model.addAttribute("r", found.get().registration());
				model.addAttribute("current", found.get().current());
				pages.describe(found.get().registration(), model);
			}
		}
		return "primary/school";
	}

	@PostMapping("/school/forms/{id}/{action}")
	String act(@PathVariable String id, @PathVariable String action, @RequestParam int version,
			@RequestParam(required = false) String problem, @AuthenticationPrincipal SignedIn staff, Model model,
			RedirectAttributes redirect) {
		Registration registration = pages.open(id, staff, "school " + action);
		try {
			switch (action) {
				case "accept" -> registrations.accept(registration.id(), version, staff);
				case "problem" -> registrations.reportProblem(registration.id(), version, problem, staff);
				default -> throw new org.springframework.web.server.ResponseStatusException(
						org.springframework.http.HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("notice", "primary.school.done." + action);
			return "redirect:/school/forms?code=" + registration.formCode();
		}
		catch (RegistrationRefused refused) {
			model.addAttribute("code", registration.formCode());
			model.addAttribute("r", registration);
			model.addAttribute("current", registration.formValid());
			pages.describe(registration, model);
			model.addAttribute("problems", pages.messages(refused.problems()));
			return "primary/school";
		}
	}

}
