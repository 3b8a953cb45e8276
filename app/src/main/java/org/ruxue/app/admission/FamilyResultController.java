package org.ruxue.app.admission;

import java.time.ZoneId;

import org.ruxue.app.calendar.CityClock;
import org.ruxue.app.identity.SignedIn;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The family's result (R-G8): for each published draw its child was in, where the child
 * was placed, each choice with what became of it and the school's cutoff, and any
 * decision taken since, beside the original. The same page serves both entries.
 */
@Controller
class FamilyResultController {

	private final Admissions admissions;

	private final CityClock cityClock;

	FamilyResultController(Admissions admissions, CityClock cityClock) {
		this.admissions = admissions;
		this.cityClock = cityClock;
	}

	@GetMapping({ "/junior/result", "/primary/result" })
	String result(@AuthenticationPrincipal SignedIn family, Model model) {
		model.addAttribute("results", admissions.ofFamily(family));
		model.addAttribute("zone", (ZoneId) cityClock.zone());
		return "admission/result";
	}

}
