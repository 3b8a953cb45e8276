package org.ruxue.app.portal;

import org.ruxue.app.calendar.EnrollmentCalendar;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final EnrollmentCalendar calendar;

	HomeController(EnrollmentCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("today", calendar.today());
		model.addAttribute("currentYear", calendar.currentYear().orElse(null));
		model.addAttribute("openNow", calendar.openNow());
		model.addAttribute("comingNext", calendar.comingNext(4));
		return "home";
	}

	@GetMapping("/help")
	String help() {
		return "help";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
