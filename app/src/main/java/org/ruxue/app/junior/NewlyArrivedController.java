package org.ruxue.app.junior;

import java.util.Map;

import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.registry.Student;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A district officer registers a newly arrived student after checking the proof (R-J5),
 * and lists the district's newly arrived students.
 */
@Controller
class NewlyArrivedController {

	private final NewlyArrived newlyArrived;

	private final JuniorPages pages;

	NewlyArrivedController(NewlyArrived newlyArrived, JuniorPages pages) {
		this.newlyArrived = newlyArrived;
		this.pages = pages;
	}

	@GetMapping("/district/junior/newly-arrived")
	String page(@AuthenticationPrincipal SignedIn officer, Model model) {
		return page(NewlyArrivedForm.empty(), Map.of(), officer, model);
	}

	@PostMapping("/district/junior/newly-arrived")
	String register(@ModelAttribute NewlyArrivedForm form, @AuthenticationPrincipal SignedIn officer, Model model,
			RedirectAttributes redirect) {
		try {
			Student student = newlyArrived.register(form, officer);
			redirect.addFlashAttribute("notice", "junior.newly-arrived.registered");
			redirect.addFlashAttribute("registered", student.educationId());
			return "redirect:/district/junior/newly-arrived";
		}
		catch (JuniorRefused refused) {
			return page(form, pages.problems(refused), officer, model);
		}
	}

	private String page(NewlyArrivedForm form, Map<String, String> problems, SignedIn officer, Model model) {
		model.addAttribute("form", form);
		pages.zone(model);
		model.addAttribute("problems", problems);
		model.addAttribute("kinds", ProofKind.values());
		model.addAttribute("students", newlyArrived.ofDistrict(officer));
		model.addAttribute("districtName", pages.districtName(officer.districtCode()));
		return "junior/newly-arrived";
	}

}
