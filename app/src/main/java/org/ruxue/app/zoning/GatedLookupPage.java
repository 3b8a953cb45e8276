package org.ruxue.app.zoning;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The identity-gated lookup page (R-Z2). A POST, so that ID numbers never appear in a
 * URL, a log or the browser's history; the ID fields are not filled in again.
 */
@Controller
@RequestMapping("/zones/gated")
class GatedLookupPage {

	private final GatedZoneLookup gated;

	private final Districts districts;

	private final org.springframework.context.MessageSource messages;

	GatedLookupPage(GatedZoneLookup gated, Districts districts, org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.gated = gated;
		this.districts = districts;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("districts", gatedDistricts());
		model.addAttribute("form", new GatedForm(null, null, null, null, null));
		return "zoning/gated";
	}

	@PostMapping
	String lookup(@RequestParam String district, @RequestParam String childName, @RequestParam String childId,
			@RequestParam String guardianName, @RequestParam String guardianId, @RequestParam String mobile,
			@RequestParam String q, Model model, java.util.Locale locale) {
		model.addAttribute("districts", gatedDistricts());
		model.addAttribute("form", new GatedForm(district, childName, guardianName, mobile, q));
		try {
			model.addAttribute("result", gated.lookup(new GatedLookupRequest(childName, childId, guardianName,
					guardianId, mobile, q, district, null, null)));
		}
		catch (GatedLookupLimitReached ex) {
			model.addAttribute("limit", true);
		}
		catch (InvalidZoneQuery ex) {
			model.addAttribute("error", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
		return "zoning/gated";
	}

	private List<District> gatedDistricts() {
		return districts.all().stream().filter(d -> gated.isGated(d.code())).toList();
	}

	record GatedForm(String district, String childName, String guardianName, String mobile, String q) {
	}

}
