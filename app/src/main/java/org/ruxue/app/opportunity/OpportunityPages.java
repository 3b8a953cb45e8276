package org.ruxue.app.opportunity;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.ruxue.app.identity.ContentSecurityPolicies;
import org.ruxue.app.zoning.Districts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public query pages (R-G1, R-J6): search, a junior high's figures with its trend,
 * and up to four schools side by side.
 */
@Controller
class OpportunityPages {

	private final HighSchoolOpportunities opportunities;

	private final Districts districts;

	private final MessageSource messages;

	private final boolean demoFigures;

	OpportunityPages(HighSchoolOpportunities opportunities, Districts districts, MessageSource messages,
			@Value("${ruxue.opportunity.demo-figures:false}") boolean demoFigures) {
		this.opportunities = opportunities;
		this.districts = districts;
		this.messages = messages;
		this.demoFigures = demoFigures;
	}

	@GetMapping("/high-school-opportunities")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String district,
			Model model, Locale locale, HttpServletResponse response) {
		common(model, locale);
		model.addAttribute("districts", districts.all());
		model.addAttribute("q", (q == null) ? "" : q);
		model.addAttribute("district", (district == null) ? "" : district);
		model.addAttribute("maxCompared", HighSchoolOpportunities.MAX_COMPARED);
		try {
			model.addAttribute("results", opportunities.search(q, district));
		}
		catch (InvalidOpportunityQuery ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("results", List.of());
			model.addAttribute("error", messages.getMessage(ex.messageKey(), ex.args(), locale));
		}
		return "opportunity/search";
	}

	@GetMapping("/high-school-opportunities/compare")
	String compare(@RequestParam(name = "school", required = false) List<String> schools, Model model, Locale locale,
			HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", ContentSecurityPolicies.WITH_STYLE_ATTRIBUTES);
		common(model, locale);
		try {
			List<JuniorHighProfile> compared = opportunities.compare(schools);
			model.addAttribute("compared", compared);
			model.addAttribute("years",
					compared.stream()
						.flatMap(p -> p.years().stream().map(YearFigures::year))
						.distinct()
						.sorted()
						.toList());
		}
		catch (InvalidOpportunityQuery ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("compared", List.of());
			model.addAttribute("years", List.of());
			model.addAttribute("error", messages.getMessage(ex.messageKey(), ex.args(), locale));
		}
		return "opportunity/compare";
	}

	@GetMapping("/high-school-opportunities/{code}")
	String school(@PathVariable String code, Model model, Locale locale, HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", ContentSecurityPolicies.WITH_STYLE_ATTRIBUTES);
		JuniorHighProfile profile = opportunities.profile(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		common(model, locale);
		model.addAttribute("profile", profile);
		return "opportunity/school";
	}

	private void common(Model model, Locale locale) {
		model.addAttribute("demoFigures", demoFigures);
		model.addAttribute("eligibilityText", opportunities.eligibility().text(locale));
	}

}
