package org.ruxue.app.junior;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The city sets each district's batches per year (R-J7): an edit, then a confirmation
 * that shows what changes, then the save.
 */
@Controller
class BatchAdminController {

	private static final int MIN_ROWS = 4;

	private final Batches batches;

	private final Districts districts;

	private final EnrollmentCalendar calendar;

	private final PreferencePages pages;

	BatchAdminController(Batches batches, Districts districts, EnrollmentCalendar calendar, PreferencePages pages) {
		this.batches = batches;
		this.districts = districts;
		this.calendar = calendar;
		this.pages = pages;
	}

	@GetMapping("/admin/junior/batches")
	String list(@RequestParam(required = false) Integer year, Model model) {
		int shown = year(year);
		Map<District, BatchPlan> plans = new LinkedHashMap<>();
		for (District district : districts.all()) {
			plans.put(district, batches.plan(district.code(), shown));
		}
		model.addAttribute("year", shown);
		model.addAttribute("plans", plans);
		return "junior/batches";
	}

	@GetMapping("/admin/junior/batches/{district}")
	String edit(@PathVariable String district, @RequestParam(required = false) Integer year, Model model) {
		District d = district(district);
		BatchPlan plan = batches.plan(d.code(), year(year));
		Map<String, String> values = new LinkedHashMap<>();
		for (Batch batch : plan.batches()) {
			values.put("name" + batch.number(), batch.name());
			values.put("choices" + batch.number(), Integer.toString(batch.choices()));
			values.put("scope" + batch.number(), batch.scope().name());
		}
		return editPage(d, plan, values, Map.of(), model);
	}

	@PostMapping("/admin/junior/batches/{district}")
	String save(@PathVariable String district, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String confirmed,
			@RequestParam Map<String, String> form, @AuthenticationPrincipal SignedIn admin, Model model,
			RedirectAttributes redirect) {
		District d = district(district);
		int shown = year(year);
		BatchPlan plan = batches.plan(d.code(), shown);
		List<Batch> wanted = batches(form);
		List<PreferenceRefused.Problem> problems = BatchPlan.problemsOf(wanted);
		if (!problems.isEmpty()) {
			return editPage(d, plan, form, pages.messages(problems), model);
		}
		if (!"yes".equals(confirmed)) {
			model.addAttribute("district", d);
			model.addAttribute("year", shown);
			model.addAttribute("version", version);
			model.addAttribute("before", plan.batches());
			model.addAttribute("after", wanted);
			return "junior/batches-confirm";
		}
		try {
			batches.replace(d.code(), shown, version, wanted, Actor.of(admin.username(), admin.role().name()));
			redirect.addFlashAttribute("notice", "junior.batches.saved");
			return "redirect:/admin/junior/batches?year=" + shown;
		}
		catch (PreferenceRefused refused) {
			return editPage(d, plan, form, pages.messages(refused.problems()), model);
		}
	}

	private String editPage(District district, BatchPlan plan, Map<String, String> values, Map<String, String> problems,
			Model model) {
		List<Integer> rows = new ArrayList<>();
		for (int i = 1; i <= Math.min(Batch.MAX_BATCHES, Math.max(MIN_ROWS, plan.batches().size() + 1)); i++) {
			rows.add(i);
		}
		model.addAttribute("district", district);
		model.addAttribute("year", plan.year());
		model.addAttribute("version", plan.version());
		model.addAttribute("rows", rows);
		model.addAttribute("values", values);
		model.addAttribute("problems", problems);
		model.addAttribute("scopes", BatchScope.values());
		return "junior/batches-edit";
	}

	/**
	 * The filled rows, numbered in the order they are on the form; a row without a name,
	 * a number of choices and a scope is empty and left out.
	 */
	static List<Batch> batches(Map<String, String> form) {
		List<Batch> batches = new ArrayList<>();
		for (int row = 1; row <= Batch.MAX_BATCHES; row++) {
			String name = form.getOrDefault("name" + row, "").strip();
			String choices = form.getOrDefault("choices" + row, "").strip();
			String scope = form.getOrDefault("scope" + row, "").strip();
			if (name.isEmpty() && choices.isEmpty() && scope.isEmpty()) {
				continue;
			}
			batches.add(new Batch(batches.size() + 1, name, number(choices), BatchScope.parse(scope)));
		}
		return batches;
	}

	private static int number(String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private District district(String code) {
		return districts.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private int year(Integer year) {
		if (year != null && year >= 2000 && year <= 2100) {
			return year;
		}
		return calendar.currentYear().orElse(calendar.today().getYear());
	}

}
