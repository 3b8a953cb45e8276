package org.ruxue.app.junior;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.PhaseKind;
import org.ruxue.app.calendar.PhaseWindow;
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

	private final Preferences preferences;

	private final EnrollmentCalendar calendar;

	FamilyConfirmationController(Confirmations confirmations, Students students, JuniorPages pages,
			Preferences preferences, EnrollmentCalendar calendar) {
		this.confirmations = confirmations;
		this.students = students;
		this.pages = pages;
		this.preferences = preferences;
		this.calendar = calendar;
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
		model.addAttribute("action", nextAction(family, status.get()));
		pages.describe(status.get().student(), model);
		model.addAttribute("text", text);
		model.addAttribute("problems", problems);
		return "junior/home";
	}

	/**
	 * Issue 12: the one thing to do now, from everything the family's journey has
	 * reached.
	 */
	private JuniorNextAction nextAction(SignedIn family, ConfirmationStatus status) {
		int year = status.student().entryYear();
		PreferenceSheet sheet = preferences.sheet(family).orElseThrow();
		return JuniorNextAction.decide(status, sheet, calendar.today(), day(year, PhaseKind.LOTTERY_DAY),
				day(year, PhaseKind.RESULT_PUBLICATION));
	}

	private LocalDate day(int year, PhaseKind kind) {
		return calendar.window(year, kind).map(PhaseWindow::opensOn).orElse(null);
	}

}
