package org.ruxue.app.junior;

import java.util.Map;
import java.util.Optional;

import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.registry.Students;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The family's junior-entry home (R-J2, R-J3): the student's basic data, the one thing to
 * do now, confirm or report an error; and the student's enrollment path (R-G9).
 */
@Controller
class FamilyConfirmationController {

	private final Confirmations confirmations;

	private final Students students;

	private final JuniorPages pages;

	FamilyConfirmationController(Confirmations confirmations, Students students, JuniorPages pages) {
		this.confirmations = confirmations;
		this.students = students;
		this.pages = pages;
	}

	@GetMapping("/junior")
	String home(@AuthenticationPrincipal SignedIn family, Model model) {
		return page(family, "", Map.of(), model);
	}

	@PostMapping("/junior/confirm")
	String confirm(@RequestParam(defaultValue = "-1") int version, @AuthenticationPrincipal SignedIn family,
			Model model, RedirectAttributes redirect) {
		try {
			JuniorPages.found(() -> confirmations.confirm(family, version));
			redirect.addFlashAttribute("notice", "junior.home.confirmed");
			return "redirect:/junior";
		}
		catch (RecordChanged changed) {
			redirect.addFlashAttribute("warning", "junior.error.changed");
			return "redirect:/junior";
		}
		catch (JuniorRefused refused) {
			return page(family, "", pages.problems(refused), model);
		}
	}

	@PostMapping("/junior/report")
	String report(@RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String text,
			@AuthenticationPrincipal SignedIn family, Model model, RedirectAttributes redirect) {
		try {
			JuniorPages.found(() -> confirmations.reportError(family, version, text));
			redirect.addFlashAttribute("notice", "junior.home.reported");
			return "redirect:/junior";
		}
		catch (RecordChanged changed) {
			model.addAttribute("warning", "junior.error.changed");
			return page(family, text, Map.of(), model);
		}
		catch (JuniorRefused refused) {
			return page(family, text, pages.problems(refused), model);
		}
	}

	@GetMapping("/junior/path")
	String path(@AuthenticationPrincipal SignedIn family, Model model) {
		Optional<ConfirmationStatus> status = confirmations.ofFamily(family);
		if (status.isEmpty()) {
			return "junior/none";
		}
		pages.path(status.get().student(), students.path(status.get().student().educationId()), model);
		model.addAttribute("family", true);
		return "junior/path";
	}

	private String page(SignedIn family, String text, Map<String, String> problems, Model model) {
		Optional<ConfirmationStatus> status = confirmations.ofFamily(family);
		if (status.isEmpty()) {
			return "junior/none";
		}
		model.addAttribute("status", status.get());
		pages.describe(status.get().student(), model);
		model.addAttribute("text", text);
		model.addAttribute("problems", problems);
		return "junior/home";
	}

}
