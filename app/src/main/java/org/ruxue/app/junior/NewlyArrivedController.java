package org.ruxue.app.junior;

import java.util.List;
import java.util.Map;

import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.registry.Student;
import org.ruxue.app.tables.Column;
import org.ruxue.app.tables.TableQuery;
import org.ruxue.app.tables.Tables;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A district officer registers a newly arrived student after checking the proof (R-J5),
 * and lists the district's newly arrived students.
 */
@Controller
class NewlyArrivedController {

	private final NewlyArrived newlyArrived;

	private final JuniorPages pages;

	private final Tables tables;

	NewlyArrivedController(NewlyArrived newlyArrived, JuniorPages pages, Tables tables) {
		this.newlyArrived = newlyArrived;
		this.pages = pages;
		this.tables = tables;
	}

	/**
	 * The list's columns (issue 12): sorted, filtered and downloaded by the staff table;
	 * the name and the ID number masked as on the page.
	 */
	static final List<Column<NewlyArrived.Registered>> COLUMNS = List.of(
			Column.text("educationId", "junior.field.educationId", NewlyArrived.Registered::educationId),
			Column.text("name", "junior.field.name", NewlyArrived.Registered::maskedName),
			Column.text("idNumber", "junior.field.idNumber", NewlyArrived.Registered::maskedIdNumber),
			Column.message("proofKind", "junior.field.proofKind", s -> s.proofKind().messageKey()),
			Column.text("proofReference", "junior.field.proofReference", NewlyArrived.Registered::proofReference),
			Column.time("registered", "junior.field.registeredAt", NewlyArrived.Registered::registeredAt));

	@GetMapping("/district/junior/newly-arrived")
	ModelAndView page(TableQuery table, @AuthenticationPrincipal SignedIn officer, Model model) {
		return page(NewlyArrivedForm.empty(), Map.of(), table, officer, model);
	}

	@PostMapping("/district/junior/newly-arrived")
	ModelAndView register(@ModelAttribute NewlyArrivedForm form, @AuthenticationPrincipal SignedIn officer, Model model,
			RedirectAttributes redirect) {
		try {
			Student student = newlyArrived.register(form, officer);
			redirect.addFlashAttribute("notice", "junior.newly-arrived.registered");
			redirect.addFlashAttribute("registered", student.educationId());
			return new ModelAndView("redirect:/district/junior/newly-arrived");
		}
		catch (JuniorRefused refused) {
			return page(form, pages.problems(refused), TableQuery.none(), officer, model);
		}
	}

	private ModelAndView page(NewlyArrivedForm form, Map<String, String> problems, TableQuery table, SignedIn officer,
			Model model) {
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("kinds", ProofKind.values());
		model.addAttribute("districtName", pages.districtName(officer.districtCode()));
		return tables.show("junior/newly-arrived", "newly-arrived-" + officer.districtCode(),
				newlyArrived.ofDistrict(officer), COLUMNS, table, model);
	}

}
