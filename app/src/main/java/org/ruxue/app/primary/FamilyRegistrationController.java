package org.ruxue.app.primary;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;

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
 * The family's journey (R-P6): choose the district, enter through its entrance, register,
 * follow the identity check and the review, print the form, cancel and register again.
 */
@Controller
class FamilyRegistrationController {

	private final PrimaryRegistrations registrations;

	private final Districts districts;

	private final RegistrationPages pages;

	private final CollectionForms forms;

	private final EnrollmentCalendar calendar;

	FamilyRegistrationController(PrimaryRegistrations registrations, Districts districts, RegistrationPages pages,
			CollectionForms forms, EnrollmentCalendar calendar) {
		this.registrations = registrations;
		this.districts = districts;
		this.pages = pages;
		this.forms = forms;
		this.calendar = calendar;
	}

	/**
	 * R-P6, R-G4, R-P4, R-P10: the district entrances and what a family must know first.
	 */
	@GetMapping("/primary")
	String entrance(@AuthenticationPrincipal SignedIn who, Model model) {
		model.addAttribute("districts", districts.all());
		Integer year = registrations.currentYear().orElse(null);
		model.addAttribute("year", year);
		model.addAttribute("window", (year != null) ? registrations.window(year).orElse(null) : null);
		model.addAttribute("open", year != null && registrations.windowOpen(year));
		boolean family = who != null && who.role() == Role.PARENT;
		model.addAttribute("family", family);
		List<Registration> mine = family ? registrations.ofFamily(who) : List.of();
		model.addAttribute("mine", mine);
		if (family) {
			model.addAttribute("action",
					PrimaryNextAction.atEntrance(mine, (year != null) ? registrations.window(year).orElse(null) : null,
							year != null && registrations.windowOpen(year), calendar.today()));
		}
		return "primary/entrance";
	}

	@GetMapping("/primary/{district}/register")
	String form(@PathVariable String district, @AuthenticationPrincipal SignedIn family, Model model) {
		RegistrationForm form = new RegistrationForm();
		form.setIdempotencyKey(UUID.randomUUID().toString());
		form.setChildName(family.displayName());
		form.setHukouDistrict(district);
		return pages.form(district(district), form, List.of(), List.of(), model, "/primary/" + district + "/register");
	}

	@PostMapping("/primary/{district}/register")
	String submit(@PathVariable String district, @ModelAttribute RegistrationForm form,
			@AuthenticationPrincipal SignedIn family, Model model, Locale locale) {
		District chosen = district(district);
		try {
			Registration registration = registrations.submit(chosen.code(), form, family);
			return "redirect:/primary/mine/" + registration.id();
		}
		catch (RegistrationRefused refused) {
			return pages.form(chosen, form, refused.problems(), refused.candidates(), model,
					"/primary/" + district + "/register");
		}
	}

	@GetMapping("/primary/mine")
	String mine(@AuthenticationPrincipal SignedIn family, Model model) {
		List<Registration> mine = registrations.ofFamily(family);
		if (mine.size() == 1) {
			return "redirect:/primary/mine/" + mine.get(0).id();
		}
		return "redirect:/primary";
	}

	@GetMapping("/primary/mine/{id}")
	String registration(@PathVariable String id, @AuthenticationPrincipal SignedIn family, Model model) {
		Registration registration = pages.open(id, family, "family view");
		model.addAttribute("r", registration);
		pages.describe(registration, model);
		boolean windowOpen = registrations.windowOpen(registration.year());
		boolean cancellable = PrimaryNextAction.cancellable(registration, windowOpen);
		model.addAttribute("cancellable", cancellable);
		model.addAttribute("action", PrimaryNextAction.of(registration, windowOpen, cancellable));
		return "primary/registration";
	}

	/**
	 * R-P6, R-P14: the collection form, printed again whenever the family wants, once the
	 * identities are verified; a cancelled registration's form prints marked void.
	 */
	@GetMapping("/primary/mine/{id}/form.pdf")
	org.springframework.http.ResponseEntity<byte[]> form(@PathVariable String id,
			@AuthenticationPrincipal SignedIn family) {
		Registration registration = pages.open(id, family, "family view");
		if (registration.check() != IdentityCheck.VERIFIED) {
			throw new ResponseStatusException(HttpStatus.CONFLICT);
		}
		String checkUrl = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/school/forms")
			.toUriString();
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.inline()
						.filename(registration.number() + ".pdf")
						.build()
						.toString())
			.header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store")
			.body(forms.render(registration, checkUrl));
	}

	/** R-P8, R-P9: the confirmation step, with the warning and the reason. */
	@GetMapping("/primary/mine/{id}/cancel")
	String confirmCancel(@PathVariable String id, @AuthenticationPrincipal SignedIn family, Model model) {
		Registration registration = pages.open(id, family, "family view");
		model.addAttribute("r", registration);
		model.addAttribute("districtName", districts.byCode(registration.districtCode()).orElseThrow().name());
		return "primary/cancel";
	}

	@PostMapping("/primary/mine/{id}/cancel")
	String cancel(@PathVariable String id, @RequestParam int version, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String confirmed, @AuthenticationPrincipal SignedIn family, Model model,
			RedirectAttributes redirect) {
		Registration registration = pages.open(id, family, "family view");
		if (confirmed == null) {
			model.addAttribute("r", registration);
			model.addAttribute("districtName", districts.byCode(registration.districtCode()).orElseThrow().name());
			model.addAttribute("reason", reason);
			model.addAttribute("problems",
					pages.messages(List.of(FieldProblem.of("confirmed", "primary.error.confirm"))));
			return "primary/cancel";
		}
		try {
			registrations.cancel(registration.id(), version, reason, family);
			redirect.addFlashAttribute("notice", "primary.cancelled");
			return "redirect:/primary";
		}
		catch (RegistrationRefused refused) {
			model.addAttribute("r", registration);
			model.addAttribute("districtName", districts.byCode(registration.districtCode()).orElseThrow().name());
			model.addAttribute("reason", reason);
			model.addAttribute("problems", pages.messages(refused.problems()));
			return "primary/cancel";
		}
	}

	private District district(String code) {
		return districts.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
