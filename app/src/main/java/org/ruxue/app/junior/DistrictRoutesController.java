package org.ruxue.app.junior;

import java.util.Map;

import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The district office records admissions outside the draw (R-J7) and sees those of its
 * district; the city may act for any district.
 */
@Controller
class DistrictRoutesController {

	private final AdmissionRoutes routes;

	private final Districts districts;

	private final EnrollmentCalendar calendar;

	private final PreferencePages pages;

	DistrictRoutesController(AdmissionRoutes routes, Districts districts, EnrollmentCalendar calendar,
			PreferencePages pages) {
		this.routes = routes;
		this.districts = districts;
		this.calendar = calendar;
		this.pages = pages;
	}

	@GetMapping("/district/junior/routes")
	String page(@RequestParam(required = false) String district, @AuthenticationPrincipal SignedIn who, Model model) {
		return page(district(district, who), Map.of(), Map.of(), model);
	}

	@PostMapping("/district/junior/routes")
	String record(@RequestParam(required = false) String district, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal SignedIn who, Model model, RedirectAttributes redirect) {
		District d = district(district, who);
		try {
			routes.record(form.get("educationId"), RouteKind.parse(form.get("route")), form.get("school"), who);
			redirect.addFlashAttribute("notice", "junior.routes.recorded");
			return "redirect:/district/junior/routes?district=" + d.code();
		}
		catch (PreferenceRefused refused) {
			return page(d, form, pages.messages(refused.problems()), model);
		}
	}

	private String page(District district, Map<String, String> typed, Map<String, String> problems, Model model) {
		int year = calendar.currentYear().orElse(calendar.today().getYear());
		model.addAttribute("district", district);
		model.addAttribute("year", year);
		model.addAttribute("routes", routes.inDistrict(district.code(), year));
		model.addAttribute("kinds", RouteKind.values());
		model.addAttribute("typed", typed);
		model.addAttribute("problems", problems);
		return "junior/routes";
	}

	/** An officer's own district; the city's choice, Dongcheng when it chose none. */
	private District district(String code, SignedIn who) {
		String wanted = (who.role() == Role.CITY_ADMIN) ? ((code == null || code.isBlank()) ? "110101" : code)
				: who.districtCode();
		return districts.byCode(String.valueOf(wanted))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
