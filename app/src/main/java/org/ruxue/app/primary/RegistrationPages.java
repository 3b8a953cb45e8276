package org.ruxue.app.primary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.Schools;
import org.ruxue.app.zoning.ZoneCandidate;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** What the family's, the district's and the school's pages share. */
@Component
class RegistrationPages {

	private final PrimaryRegistrations registrations;

	private final Districts districts;

	private final Schools schools;

	private final MessageSource messages;

	RegistrationPages(PrimaryRegistrations registrations, Districts districts, Schools schools,
			MessageSource messages) {
		this.registrations = registrations;
		this.districts = districts;
		this.schools = schools;
		this.messages = messages;
	}

	/**
	 * The registration form with the problems next to their fields and what was typed.
	 */
	String form(District district, RegistrationForm form, List<FieldProblem> problems, List<ZoneCandidate> candidates,
			Model model, String action) {
		model.addAttribute("district", district);
		model.addAttribute("districts", districts.all());
		model.addAttribute("form", form);
		model.addAttribute("problems", messages(problems));
		model.addAttribute("candidates", candidates);
		model.addAttribute("action", action);
		model.addAttribute("hukouTypes", Hukou.values());
		model.addAttribute("tenures", HomeTenure.values());
		model.addAttribute("owners", HomeOwner.values());
		model.addAttribute("relations", GuardianRelation.values());
		Integer year = registrations.currentYear().orElse(null);
		model.addAttribute("year", year);
		model.addAttribute("window", (year != null) ? registrations.window(year).orElse(null) : null);
		return "primary/form";
	}

	/**
	 * Field → message in the reader's language; "form" holds problems of the whole form.
	 */
	Map<String, String> messages(List<FieldProblem> problems) {
		Map<String, String> resolved = new LinkedHashMap<>();
		for (FieldProblem problem : problems) {
			String text = messages.getMessage(problem.messageKey(), problem.arguments().toArray(), problem.messageKey(),
					LocaleContextHolder.getLocale());
			resolved.merge(problem.field(), text, (a, b) -> a + " " + b);
		}
		return resolved;
	}

	Registration open(String id, SignedIn who, String purpose) {
		try {
			return registrations.open(RegistrationId.parse(id), purpose, who);
		}
		catch (NoSuchElementException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	/** Names for codes: the district, the hukou district, the schools. */
	void describe(Registration r, Model model) {
		model.addAttribute("districtName", districtName(r.districtCode()));
		model.addAttribute("hukouDistrictName",
				(r.hukouDistrictCode() != null) ? districtName(r.hukouDistrictCode()) : null);
		model.addAttribute("schoolNames", schoolNames(r));
	}

	String districtName(String code) {
		return districts.byCode(code).map(District::name).orElse(code);
	}

	List<String> schoolNames(Registration r) {
		return r.zoneSchoolCodes().stream().map(code -> schools.byCode(code).map(School::name).orElse(code)).toList();
	}

}
