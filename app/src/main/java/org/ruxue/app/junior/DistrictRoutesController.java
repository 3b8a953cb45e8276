package org.ruxue.app.junior;

import java.util.List;
import java.util.Map;

import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.tables.Column;
import org.ruxue.app.tables.TableQuery;
import org.ruxue.app.tables.Tables;
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
import org.springframework.web.servlet.ModelAndView;
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

	private final Tables tables;

	DistrictRoutesController(AdmissionRoutes routes, Districts districts, EnrollmentCalendar calendar,
			PreferencePages pages, Tables tables) {
		this.routes = routes;
		this.districts = districts;
		this.calendar = calendar;
		this.pages = pages;
		this.tables = tables;
	}

	/**
	 * The routes' columns (issue 12): sorted, filtered and downloaded by the staff table.
	 * A district's routes of a year are few by nature, so they are never capped.
	 */
	static final List<Column<AdmissionRoute>> COLUMNS = List.of(
			Column.text("educationId", "junior.routes.education-id", AdmissionRoute::educationId),
			Column.message("route", "junior.routes.route", route -> route.kind().messageKey()),
			Column.text("school", "junior.routes.school", AdmissionRoute::schoolName),
			Column.text("recordedBy", "junior.routes.recorded-by", AdmissionRoute::recordedBy));

	@GetMapping("/district/junior/routes")
	ModelAndView page(@RequestParam(required = false) String district, TableQuery table,
			@AuthenticationPrincipal SignedIn who, Model model) {
		return page(district(district, who), Map.of(), Map.of(), table, model);
	}

	@PostMapping("/district/junior/routes")
	ModelAndView record(@RequestParam(required = false) String district, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal SignedIn who, Model model, RedirectAttributes redirect) {
		District d = district(district, who);
		try {
			routes.record(form.get("educationId"), RouteKind.parse(form.get("route")), form.get("school"), who);
			redirect.addFlashAttribute("notice", "junior.routes.recorded");
			return new ModelAndView("redirect:/district/junior/routes?district=" + d.code());
		}
		catch (PreferenceRefused refused) {
			return page(d, form, pages.messages(refused.problems()), TableQuery.none(), model);
		}
	}

	private ModelAndView page(District district, Map<String, String> typed, Map<String, String> problems,
			TableQuery table, Model model) {
		int year = calendar.currentYear().orElse(calendar.today().getYear());
		model.addAttribute("district", district);
		model.addAttribute("year", year);
		model.addAttribute("kinds", RouteKind.values());
		model.addAttribute("typed", typed);
		model.addAttribute("problems", problems);
		return tables.show("junior/routes", "routes-" + district.code() + "-" + year,
				routes.inDistrict(district.code(), year), COLUMNS, table, model);
	}

	/** An officer's own district; the city's choice, Dongcheng when it chose none. */
	private District district(String code, SignedIn who) {
		String wanted = (who.role() == Role.CITY_ADMIN) ? ((code == null || code.isBlank()) ? "110101" : code)
				: who.districtCode();
		return districts.byCode(String.valueOf(wanted))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
