package org.ruxue.app.junior;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ruxue.app.calendar.CityClock;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.opportunity.HighSchoolOpportunities;
import org.ruxue.app.opportunity.JuniorHighProfile;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The family fills in its preferences (R-J7), changes them until the window closes and
 * keeps a receipt with its lottery id; a child admitted outside the draw sees the route
 * instead of the form.
 */
@Controller
class FamilyPreferencesController {

	private final Preferences preferences;

	private final HighSchoolOpportunities opportunities;

	private final PreferencePages pages;

	private final CityClock cityClock;

	FamilyPreferencesController(Preferences preferences, HighSchoolOpportunities opportunities, PreferencePages pages,
			CityClock cityClock) {
		this.preferences = preferences;
		this.opportunities = opportunities;
		this.pages = pages;
		this.cityClock = cityClock;
	}

	private void savedAt(PreferenceSheet sheet, Model model) {
		model.addAttribute("savedAt", sheet.saved()
			.map(s -> DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(cityClock.zone()).format(s.savedAt()))
			.orElse(null));
	}

	@GetMapping("/junior/preferences")
	String page(@AuthenticationPrincipal SignedIn family, Model model) {
		return page(family, null, Map.of(), model);
	}

	@PostMapping("/junior/preferences")
	String save(@AuthenticationPrincipal SignedIn family, @RequestParam(defaultValue = "-1") int version,
			@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		Map<Integer, List<String>> choices = choices(form);
		try {
			preferences.save(family, version, choices);
			redirect.addFlashAttribute("notice", "junior.preferences.saved");
			return "redirect:/junior/preferences";
		}
		catch (PreferenceRefused refused) {
			// a stale page shows what stands now, so that the family checks it first
			boolean stale = refused.problems()
				.stream()
				.anyMatch(p -> p.messageKey().equals("junior.preferences.error.stale"));
			return page(family, stale ? null : form, pages.messages(refused.problems()), model);
		}
	}

	@GetMapping("/junior/preferences/receipt")
	String receipt(@AuthenticationPrincipal SignedIn family, Model model) {
		var sheet = preferences.sheet(family).orElse(null);
		model.addAttribute("sheet", sheet);
		if (sheet != null) {
			model.addAttribute("lotteryId", preferences.lotteryId(sheet.student()));
			model.addAttribute("names", names(sheet));
			savedAt(sheet, model);
		}
		return "junior/receipt";
	}

	private String page(SignedIn family, Map<String, String> typed, Map<String, String> problems, Model model) {
		var sheet = preferences.sheet(family).orElse(null);
		model.addAttribute("sheet", sheet);
		model.addAttribute("problems", problems);
		if (sheet == null) {
			return "junior/preferences";
		}
		Map<String, String> values = new HashMap<>();
		if (typed != null) {
			typed.forEach((k, v) -> {
				if (k.matches("b[1-9]c[0-9]{1,2}")) {
					values.put(k, v);
				}
			});
		}
		else {
			sheet.saved().ifPresent(saved -> saved.choices().forEach((batch, codes) -> {
				for (int i = 0; i < codes.size(); i++) {
					values.put("b" + batch + "c" + (i + 1), codes.get(i));
				}
			}));
		}
		Set<String> withFigures = new HashSet<>();
		opportunities.search("", sheet.student().districtCode())
			.stream()
			.map(p -> p.school().code())
			.forEach(withFigures::add);
		savedAt(sheet, model);
		model.addAttribute("values", values);
		model.addAttribute("withFigures", withFigures);
		model.addAttribute("names", names(sheet));
		model.addAttribute("version", sheet.version());
		return "junior/preferences";
	}

	private static Map<String, String> names(PreferenceSheet sheet) {
		Map<String, String> names = new HashMap<>();
		sheet.offered().values().forEach(list -> list.forEach(s -> names.put(s.code(), s.name())));
		return names;
	}

	/** Fields b{batch}c{rank} → per batch, the codes in rank order. */
	static Map<Integer, List<String>> choices(Map<String, String> form) {
		Map<Integer, Map<Integer, String>> byBatch = new HashMap<>();
		form.forEach((field, value) -> {
			if (field.matches("b[1-9]c[0-9]{1,2}")) {
				int batch = field.charAt(1) - '0';
				int rank = Integer.parseInt(field.substring(3));
				byBatch.computeIfAbsent(batch, b -> new java.util.TreeMap<>()).put(rank, value);
			}
		});
		Map<Integer, List<String>> choices = new HashMap<>();
		byBatch.forEach((batch, ranks) -> choices.put(batch, new ArrayList<>(ranks.values())));
		return choices;
	}

}
