package org.ruxue.app.junior;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.registry.Students;
import org.ruxue.app.tables.Column;
import org.ruxue.app.tables.TableQuery;
import org.ruxue.app.tables.Tables;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The answers to families' error reports (R-J3): the graduating school's teacher lists
 * its reports, opens one (on the record), corrects the record or upholds it with a
 * reason. A district does the same for its newly arrived students, who have no graduating
 * school (R-J5).
 */
@Controller
class CorrectionController {

	private final Corrections corrections;

	private final Students students;

	private final JuniorPages pages;

	private final Tables tables;

	CorrectionController(Corrections corrections, Students students, JuniorPages pages, Tables tables) {
		this.corrections = corrections;
		this.students = students;
		this.pages = pages;
		this.tables = tables;
	}

	/**
	 * The reports' columns (issue 12): sorted, filtered and downloaded by the staff
	 * table.
	 */
	static final List<Column<Corrections.Line>> COLUMNS = List.of(
			Column.time("reported", "junior.field.reportedAt", line -> line.report().reportedAt()),
			Column.text("name", "junior.field.name", Corrections.Line::maskedName),
			Column.text("className", "junior.field.className", Corrections.Line::className),
			Column.message("state", "junior.field.state", CorrectionController::state));

	@GetMapping({ "/school/junior/corrections", "/district/junior/corrections" })
	ModelAndView list(TableQuery table, @AuthenticationPrincipal SignedIn staff, Model model) {
		model.addAttribute("base", base(staff));
		return tables.show("junior/corrections", "corrections", corrections.reports(staff), COLUMNS, table, model);
	}

	private static String state(Corrections.Line line) {
		return line.report().isOpen() ? "junior.corrections.open" : line.report().resolution().messageKey();
	}

	@GetMapping({ "/school/junior/corrections/{id}", "/district/junior/corrections/{id}" })
	String open(@PathVariable String id, @AuthenticationPrincipal SignedIn staff, Model model) {
		Corrections.Opened opened = JuniorPages.found(() -> corrections.open(JuniorPages.uuid(id), staff));
		return page(opened, null, "", Map.of(), staff, model);
	}

	@PostMapping({ "/school/junior/corrections/{id}/correct", "/district/junior/corrections/{id}/correct" })
	String correct(@PathVariable String id, @RequestParam(defaultValue = "-1") int version,
			@ModelAttribute CorrectionForm form, @AuthenticationPrincipal SignedIn staff, Model model,
			RedirectAttributes redirect) {
		UUID reportId = JuniorPages.uuid(id);
		try {
			List<String> changed = JuniorPages.found(() -> corrections.correct(reportId, version, form, staff));
			redirect.addFlashAttribute("notice", "junior.correction.corrected");
			redirect.addFlashAttribute("changed", changed);
			return "redirect:" + base(staff) + "/" + id;
		}
		catch (RecordChanged changed) {
			model.addAttribute("warning", "junior.error.changed");
			return page(corrections.open(reportId, staff), null, "", Map.of(), staff, model);
		}
		catch (JuniorRefused refused) {
			return page(corrections.open(reportId, staff), form, "", pages.problems(refused), staff, model);
		}
	}

	@PostMapping({ "/school/junior/corrections/{id}/uphold", "/district/junior/corrections/{id}/uphold" })
	String uphold(@PathVariable String id, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal SignedIn staff, Model model, RedirectAttributes redirect) {
		UUID reportId = JuniorPages.uuid(id);
		try {
			JuniorPages.found(() -> {
				corrections.uphold(reportId, reason, staff);
				return reportId;
			});
			redirect.addFlashAttribute("notice", "junior.correction.upheld");
			return "redirect:" + base(staff) + "/" + id;
		}
		catch (JuniorRefused refused) {
			return page(corrections.open(reportId, staff), null, reason, pages.problems(refused), staff, model);
		}
	}

	private String page(Corrections.Opened opened, CorrectionForm typed, String reason, Map<String, String> problems,
			SignedIn staff, Model model) {
		pages.describe(opened.student(), model);
		model.addAttribute("report", opened.report());
		model.addAttribute("next", corrections.nextOpen(opened.report(), staff).orElse(null));
		model.addAttribute("form",
				(typed != null) ? typed
						: new CorrectionForm(opened.student().name(), opened.student().sex(),
								opened.student().birthDate().toString(), opened.student().className(),
								opened.student().hukouDistrictCode(), opened.student().guardianName()));
		model.addAttribute("reason", reason);
		model.addAttribute("problems", problems);
		model.addAttribute("districts", pages.allDistricts());
		model.addAttribute("steps", students.path(opened.student().educationId()));
		model.addAttribute("base", base(staff));
		return "junior/correction";
	}

	private static String base(SignedIn staff) {
		return (staff.role() == Role.SCHOOL_STAFF) ? "/school/junior/corrections" : "/district/junior/corrections";
	}

}
