package org.ruxue.app.zoning;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The open lookup page (R-Z3): a form and the ranked answers. It works without
 * JavaScript; with htmx only the answers are swapped.
 */
@Controller
@RequestMapping("/zones")
class ZoneLookupPage {

	private final ZoneLookup lookup;

	private final org.springframework.context.MessageSource messages;

	ZoneLookupPage(ZoneLookup lookup, org.springframework.context.MessageSource messages) {
		this.lookup = lookup;
		this.messages = messages;
	}

	@GetMapping
	String lookup(@RequestParam(required = false) String q, @RequestParam(required = false) String district,
			@RequestParam(required = false) String level, @RequestParam(required = false) String certificateDate,
			Model model, java.util.Locale locale) {
		model.addAttribute("districts", lookup.districtsWithZones());
		model.addAttribute("form", new LookupForm(q, district, level, certificateDate));
		if (q == null || q.isBlank()) {
			return "zoning/lookup";
		}
		try {
			ZoneQuery query = new ZoneQuery(q, district, EntryLevel.parse(level), date(certificateDate), null);
			model.addAttribute("result", lookup.lookup(query));
			model.addAttribute("certificateGiven", query.certificateDate() != null);
		}
		catch (InvalidZoneQuery ex) {
			model.addAttribute("error", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
		return "zoning/lookup";
	}

	private static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidZoneQuery("zoning.error.certificate-date", "The certificate's date is written yyyy-MM-dd");
		}
	}

	record LookupForm(String q, String district, String level, String certificateDate) {
	}

}
