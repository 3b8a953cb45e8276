package org.ruxue.app.placement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.ruxue.app.calendar.CityClock;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.zoning.EntryLevel;
import org.ruxue.app.zoning.Districts;
import org.ruxue.lottery.Mechanism;
import org.ruxue.lottery.TieBreaking;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The city's draws (R-J7, R-Z4, R-G8): freeze, draw, publish. Each irreversible step asks
 * for a confirmation that says what it will do; draws and publications run in the
 * background with their progress shown.
 */
@Controller
class DrawAdminController {

	private final Draws draws;

	private final DrawWork work;

	private final Districts districts;

	private final MessageSource messages;

	private final EnrollmentCalendar calendar;

	private final CityClock cityClock;

	private final ScopeNames scopes;

	DrawAdminController(Draws draws, DrawWork work, Districts districts, MessageSource messages,
			EnrollmentCalendar calendar, CityClock cityClock, ScopeNames scopes) {
		this.scopes = scopes;
		this.calendar = calendar;
		this.cityClock = cityClock;
		this.draws = draws;
		this.work = work;
		this.districts = districts;
		this.messages = messages;
	}

	/** The freeze form as typed: kept when refused. */
	record FreezeForm(String level, String year, String scope, String mechanism, String tieBreaking, String drawOn,
			String entropyRule) {

		static FreezeForm empty(int year) {
			return new FreezeForm("JUNIOR", Integer.toString(year), Snapshots.CITY,
					Mechanism.DEFERRED_ACCEPTANCE.name(), TieBreaking.SINGLE.name(), "", "");
		}

	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return cityClock.zone();
	}

	@GetMapping("/admin/draws")
	String list(Model model) {
		return listPage(FreezeForm.empty(calendar.currentYear().orElse(calendar.today().getYear())), null, model);
	}

	private String listPage(FreezeForm form, String problem, Model model) {
		List<LotteryDraw> all = draws.all();
		model.addAttribute("draws", all);
		model.addAttribute("scopeNames", scopes.all(all, LocaleContextHolder.getLocale()));
		model.addAttribute("form", form);
		model.addAttribute("problem", problem);
		model.addAttribute("districts", districts.all());
		model.addAttribute("mechanisms", Mechanism.values());
		model.addAttribute("tieBreakings", TieBreaking.values());
		return "placement/draws";
	}

	@PostMapping("/admin/draws")
	String freeze(FreezeForm form, @RequestParam(required = false) String confirmed,
			@AuthenticationPrincipal SignedIn admin, Model model, RedirectAttributes redirect, Locale locale) {
		Draws.FreezeRequest request;
		try {
			request = request(form);
		}
		catch (PlacementRefused refused) {
			return listPage(form, text(refused, locale), model);
		}
		if (!"yes".equals(confirmed)) {
			model.addAttribute("form", form);
			model.addAttribute("request", request);
			model.addAttribute("scopeName", scopeName(request.scope(), locale));
			return "placement/freeze-confirm";
		}
		try {
			LotteryDraw draw = draws.freeze(request, admin);
			redirect.addFlashAttribute("notice", "placement.admin.frozen");
			return "redirect:/admin/draws/" + draw.id();
		}
		catch (PlacementRefused refused) {
			return listPage(form, text(refused, locale), model);
		}
	}

	@GetMapping("/admin/draws/{id}")
	String draw(@PathVariable String id, Model model, Locale locale) {
		LotteryDraw draw = find(id);
		model.addAttribute("draw", draw);
		model.addAttribute("scopeName", scopeName(draw.scope(), locale));
		progress(draw, model, locale);
		return "placement/draw";
	}

	@GetMapping("/admin/draws/{id}/progress")
	String progress(@PathVariable String id, Model model, Locale locale) {
		LotteryDraw draw = find(id);
		model.addAttribute("draw", draw);
		progress(draw, model, locale);
		return "placement/draw :: progress";
	}

	private void progress(LotteryDraw draw, Model model, Locale locale) {
		DrawWork.Progress progress = work.progress(draw.id());
		model.addAttribute("progress", progress);
		model.addAttribute("running", progress != null && progress.running());
		model.addAttribute("problem", (progress != null && progress.problemKey() != null)
				? messages.getMessage(progress.problemKey(), progress.problemArgs(), locale) : null);
	}

	@PostMapping("/admin/draws/{id}/draw")
	String run(@PathVariable String id, @RequestParam(required = false) String entropy,
			@RequestParam(required = false) String entropyAgain, @RequestParam(required = false) String confirmed,
			@AuthenticationPrincipal SignedIn admin, Model model, Locale locale) {
		LotteryDraw draw = find(id);
		String problem = null;
		if (entropy == null || !entropy.matches(Draws.ENTROPY)) {
			problem = messages.getMessage("placement.error.entropy", null, locale);
		}
		else if (!entropy.equals(entropyAgain)) {
			problem = messages.getMessage("placement.error.entropy-differs", null, locale);
		}
		if (problem != null) {
			model.addAttribute("entropy", entropy);
			return drawPage(draw, problem, model, locale);
		}
		if (!"yes".equals(confirmed)) {
			model.addAttribute("draw", draw);
			model.addAttribute("entropy", entropy);
			model.addAttribute("scopeName", scopeName(draw.scope(), locale));
			return "placement/draw-confirm";
		}
		try {
			work.startDraw(draw, entropy, admin);
		}
		catch (PlacementRefused refused) {
			return drawPage(draw, text(refused, locale), model, locale);
		}
		return "redirect:/admin/draws/" + draw.id();
	}

	@PostMapping("/admin/draws/{id}/publish")
	String publish(@PathVariable String id, @RequestParam(required = false) String confirmed,
			@AuthenticationPrincipal SignedIn admin, Model model, Locale locale) {
		LotteryDraw draw = find(id);
		if (!"yes".equals(confirmed)) {
			model.addAttribute("draw", draw);
			model.addAttribute("scopeName", scopeName(draw.scope(), locale));
			return "placement/publish-confirm";
		}
		try {
			work.startPublish(draw, admin);
		}
		catch (PlacementRefused refused) {
			return drawPage(draw, text(refused, locale), model, locale);
		}
		return "redirect:/admin/draws/" + draw.id();
	}

	private String drawPage(LotteryDraw draw, String problem, Model model, Locale locale) {
		model.addAttribute("draw", draw);
		model.addAttribute("scopeName", scopeName(draw.scope(), locale));
		progress(draw, model, locale);
		model.addAttribute("formProblem", problem);
		return "placement/draw";
	}

	private Draws.FreezeRequest request(FreezeForm form) {
		EntryLevel level = parse(EntryLevel.class, form.level());
		Mechanism mechanism = parse(Mechanism.class, form.mechanism());
		TieBreaking tieBreaking = parse(TieBreaking.class, form.tieBreaking());
		int year;
		LocalDate drawOn;
		try {
			year = Integer.parseInt(form.year().strip());
		}
		catch (RuntimeException ex) {
			throw new PlacementRefused("placement.error.year");
		}
		try {
			drawOn = LocalDate.parse(form.drawOn().strip());
		}
		catch (DateTimeParseException | NullPointerException ex) {
			throw new PlacementRefused("placement.error.draw-on");
		}
		return new Draws.FreezeRequest(level, year, (form.scope() != null) ? form.scope().strip() : null, mechanism,
				tieBreaking, drawOn, form.entropyRule());
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String text) {
		try {
			return Enum.valueOf(type, text);
		}
		catch (RuntimeException ex) {
			throw new PlacementRefused("placement.error.incomplete");
		}
	}

	private String scopeName(String scope, Locale locale) {
		return scopes.of(scope, locale);
	}

	private String text(PlacementRefused refused, Locale locale) {
		return messages.getMessage(refused.messageKey(), refused.args(), locale);
	}

	private LotteryDraw find(String id) {
		try {
			return draws.byId(DrawId.parse(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
