package org.ruxue.app.calendar;

import java.util.Locale;

import org.ruxue.app.audit.Actor;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The city administrator edits the dates and rules of enrollment years (security:
 * /admin/** is CITY_ADMIN).
 */
@Controller
class CalendarAdminController {

	private final EnrollmentCalendar calendar;

	private final MessageSource messages;

	CalendarAdminController(EnrollmentCalendar calendar, MessageSource messages) {
		this.calendar = calendar;
		this.messages = messages;
	}

	@GetMapping("/admin/calendar")
	String years(Model model) {
		model.addAttribute("years", calendar.years());
		model.addAttribute("nextYear", calendar.today().getYear());
		return "admin/calendar";
	}

	@GetMapping("/admin/calendar/{year}")
	String edit(@PathVariable int year, Model model) {
		CalendarForm form = calendar.rules(year)
			.map(rules -> CalendarForm.of(calendar.version(year), rules, calendar.windows(year)))
			.orElseGet(() -> CalendarForm.empty(year));
		return editPage(year, form, model);
	}

	@PostMapping("/admin/calendar/{year}")
	String save(@PathVariable int year, @ModelAttribute("form") CalendarForm form, Authentication who, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			calendar.schedule(year, form.version(), form.windows(), form.parsedAgeCutoff(), form.parsedZoningCutoffs(),
					Actor.of(who.getName(), "CITY_ADMIN"));
		}
		catch (InvalidCalendarException ex) {
			model.addAttribute("error",
					messages.getMessage(ex.messageKey(), localised(ex.arguments(), locale), locale));
			return editPage(year, form, model);
		}
		catch (OptimisticLockingFailureException ex) {
			model.addAttribute("error", messages.getMessage("calendar.error.stale", null, locale));
			return editPage(year, form, model);
		}
		redirect.addFlashAttribute("saved", year);
		return "redirect:/admin/calendar";
	}

	private String editPage(int year, CalendarForm form, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("form", form);
		model.addAttribute("kinds", PhaseKind.values());
		return "admin/calendar-edit";
	}

	/**
	 * Phase kinds in an error message are shown by their name in the visitor's language.
	 */
	private Object[] localised(Object[] arguments, Locale locale) {
		Object[] shown = arguments.clone();
		for (int i = 0; i < shown.length; i++) {
			if (shown[i] instanceof PhaseKind kind) {
				shown[i] = messages.getMessage(kind.messageKey(), null, locale);
			}
		}
		return shown;
	}

}
