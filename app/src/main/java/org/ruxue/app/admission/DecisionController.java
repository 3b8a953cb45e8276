package org.ruxue.app.admission;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.ruxue.app.calendar.CityClock;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.placement.DrawId;
import org.ruxue.app.placement.Draws;
import org.ruxue.app.placement.LotteryDraw;
import org.ruxue.app.tables.Column;
import org.ruxue.app.tables.TableQuery;
import org.ruxue.app.tables.Tables;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Decisions after a published result: the city's corrections (R-G8) and the district's
 * allocation of children a single-school zone could not seat (R-Z4). Each asks for a
 * confirmation that says it cannot be undone.
 */
@Controller
class DecisionController {

	private final Admissions admissions;

	private final Draws draws;

	private final MessageSource messages;

	private final CityClock cityClock;

	private final Tables tables;

	DecisionController(Admissions admissions, Draws draws, MessageSource messages, CityClock cityClock, Tables tables) {
		this.tables = tables;
		this.admissions = admissions;
		this.draws = draws;
		this.messages = messages;
		this.cityClock = cityClock;
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return cityClock.zone();
	}

	/**
	 * The decisions' columns (issue 12): sorted, filtered and downloaded by the staff
	 * table.
	 */
	static final List<Column<Decision>> DECISIONS = List.of(
			Column.text("lottery-id", "placement.field.lottery-id", Decision::lotteryId),
			Column.message("kind", "admission.decision.kind", d -> d.kind().messageKey()),
			Column.text("school", "admission.result.school", d -> (d.schoolCode() != null) ? d.schoolCode() : "-"),
			Column.text("reason", "admission.correction.reason", Decision::reason),
			Column.text("by", "admission.decision.by", Decision::decidedBy),
			Column.time("at", "admission.decision.at", Decision::decidedAt));

	/**
	 * The children without a place (issue 12): sorted, filtered and downloaded by the
	 * staff table.
	 */
	static final List<Column<Admissions.Overflow>> OVERFLOW = List.of(
			Column.text("number", "admission.overflow.number", Admissions.Overflow::registrationNumber),
			Column.text("child", "admission.overflow.child", Admissions.Overflow::maskedName),
			Column.text("category", "admission.overflow.category", Admissions.Overflow::category),
			Column.actions("allocate", "admission.overflow.allocate"));

	// --- the city's corrections

	@GetMapping("/admin/results/{id}")
	ModelAndView corrections(@PathVariable String id, TableQuery table, Model model) {
		return correctionsPage(published(id), "", "", "", null, table, model);
	}

	@PostMapping("/admin/results/{id}")
	ModelAndView correct(@PathVariable String id, @RequestParam(defaultValue = "") String lotteryId,
			@RequestParam(defaultValue = "") String schoolCode, @RequestParam(defaultValue = "") String reason,
			@RequestParam(required = false) String confirmed, @AuthenticationPrincipal SignedIn admin, Model model,
			RedirectAttributes redirect, Locale locale) {
		LotteryDraw draw = published(id);
		if (!"yes".equals(confirmed)) {
			model.addAttribute("draw", draw);
			model.addAttribute("lotteryId", lotteryId.strip());
			model.addAttribute("schoolCode", schoolCode.strip());
			model.addAttribute("reason", reason.strip());
			model.addAttribute("outcome", draws.outcome(draw.id(), lotteryId.strip()).orElse(null));
			return new ModelAndView("admission/correction-confirm");
		}
		try {
			admissions.correct(draw.id(), lotteryId, schoolCode, reason, admin);
			redirect.addFlashAttribute("notice", "admission.correction.recorded");
			return new ModelAndView("redirect:/admin/results/" + draw.id());
		}
		catch (AdmissionRefused refused) {
			return correctionsPage(draw, lotteryId, schoolCode, reason, text(refused, locale), TableQuery.none(),
					model);
		}
	}

	private ModelAndView correctionsPage(LotteryDraw draw, String lotteryId, String schoolCode, String reason,
			String problem, TableQuery table, Model model) {
		model.addAttribute("draw", draw);
		model.addAttribute("lotteryId", lotteryId);
		model.addAttribute("schoolCode", schoolCode);
		model.addAttribute("reason", reason);
		model.addAttribute("problem", problem);
		return tables.show("admission/corrections", "decisions-" + draw.fileStem(), admissions.decisions(draw.id()),
				DECISIONS, table, model);
	}

	// --- the district's allocations

	@GetMapping("/district/admission/overflow")
	ModelAndView overflow(TableQuery table, @AuthenticationPrincipal SignedIn officer, Model model) {
		return overflowPage(officer, null, table, model);
	}

	@PostMapping("/district/admission/overflow")
	ModelAndView allocate(@RequestParam String drawId, @RequestParam(defaultValue = "") String lotteryId,
			@RequestParam(defaultValue = "") String schoolCode, @RequestParam(required = false) String confirmed,
			@AuthenticationPrincipal SignedIn officer, Model model, RedirectAttributes redirect, Locale locale) {
		LotteryDraw draw = published(drawId);
		if (!"yes".equals(confirmed)) {
			model.addAttribute("draw", draw);
			model.addAttribute("lotteryId", lotteryId.strip());
			model.addAttribute("schoolCode", schoolCode.strip());
			return new ModelAndView("admission/allocation-confirm");
		}
		try {
			admissions.allocate(draw.id(), lotteryId, schoolCode, null, officer);
			redirect.addFlashAttribute("notice", "admission.allocation.recorded");
			return new ModelAndView("redirect:/district/admission/overflow");
		}
		catch (AdmissionRefused refused) {
			return overflowPage(officer, text(refused, locale), TableQuery.none(), model);
		}
	}

	private ModelAndView overflowPage(SignedIn officer, String problem, TableQuery table, Model model) {
		var children = admissions.overflow(officer);
		java.util.Map<DrawId, java.util.Map<org.ruxue.app.zoning.School, Integer>> seats = new java.util.HashMap<>();
		children.forEach(c -> seats.computeIfAbsent(c.draw().id(),
				d -> admissions.districtSeats(c.draw(), officer.districtCode())));
		model.addAttribute("seats", seats);
		model.addAttribute("problem", problem);
		return tables.show("admission/overflow", "overflow-" + officer.districtCode(), children, OVERFLOW, table,
				model);
	}

	private String text(AdmissionRefused refused, Locale locale) {
		return messages.getMessage(refused.messageKey(), refused.args(), locale);
	}

	private LotteryDraw published(String id) {
		try {
			return draws.byId(DrawId.parse(id))
				.filter(LotteryDraw::published)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
