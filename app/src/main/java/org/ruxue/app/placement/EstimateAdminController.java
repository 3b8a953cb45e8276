package org.ruxue.app.placement;

import java.util.List;
import java.util.Locale;

import org.ruxue.app.calendar.CityClock;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.PhaseKind;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The city's page of chance estimates: per district the latest figures (when, students,
 * seats, applicants per seat), and "run now" for one district or all, whose progress the
 * page polls while anything is queued or running.
 */
@Controller
@RequestMapping("/admin/placement/estimates")
class EstimateAdminController {

	private static final String ALL = "all";

	private final ChanceEstimates estimates;

	private final EnrollmentCalendar calendar;

	private final Districts districts;

	private final CityClock cityClock;

	private final MessageSource messages;

	EstimateAdminController(ChanceEstimates estimates, EnrollmentCalendar calendar, Districts districts,
			CityClock cityClock, MessageSource messages) {
		this.estimates = estimates;
		this.calendar = calendar;
		this.districts = districts;
		this.cityClock = cityClock;
		this.messages = messages;
	}

	@GetMapping
	String page(@RequestParam(required = false) Integer year, Model model) {
		int shown = year(year);
		describe(shown, model);
		model.addAttribute("years", calendar.years());
		model.addAttribute("open", calendar.isOpen(shown, PhaseKind.JUNIOR_PREFERENCES));
		model.addAttribute("defaultRuns", estimates.defaultRuns());
		model.addAttribute("schedule", estimates.schedule());
		return "placement/estimates-admin";
	}

	/** The districts' table, polled by htmx while an estimate is queued or running. */
	@GetMapping("/progress")
	String progress(@RequestParam(required = false) Integer year, Model model) {
		describe(year(year), model);
		return "placement/estimates-admin :: districts";
	}

	@PostMapping("/run")
	String run(@RequestParam int year, @RequestParam String district, @AuthenticationPrincipal SignedIn admin,
			RedirectAttributes redirect, Locale locale) {
		List<String> wanted = ALL.equals(district) ? districts.all().stream().map(District::code).toList()
				: List.of(district);
		try {
			ChanceEstimates.Requested requested = estimates.request(year, wanted, admin);
			redirect.addFlashAttribute("notice",
					messages.getMessage("estimates.admin.queued", new Object[] { requested.queued().size() }, locale));
			if (!requested.busy().isEmpty()) {
				redirect.addFlashAttribute("busy", messages.getMessage("estimates.admin.busy",
						new Object[] { String.join("、", requested.busy()) }, locale));
			}
		}
		catch (PlacementRefused refused) {
			redirect.addFlashAttribute("error", messages.getMessage(refused.messageKey(), refused.args(), locale));
		}
		return "redirect:/admin/placement/estimates?year=" + year;
	}

	private int year(Integer asked) {
		return (asked != null) ? asked : calendar.currentYear().orElse(calendar.today().getYear());
	}

	private void describe(int year, Model model) {
		var now = calendar.now();
		List<ChanceEstimates.DistrictEstimates> overview = estimates.overview(year);
		model.addAttribute("year", year);
		model.addAttribute("overview", overview);
		model.addAttribute("now", now);
		model.addAttribute("zone", cityClock.zone());
		model.addAttribute("active",
				overview.stream().anyMatch(d -> d.active().filter(r -> r.active(now)).isPresent()));
	}

}
