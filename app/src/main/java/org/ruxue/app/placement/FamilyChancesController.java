package org.ruxue.app.placement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ruxue.app.calendar.CityClock;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.junior.PreferenceSheet;
import org.ruxue.app.junior.Preferences;
import org.ruxue.app.junior.SavedPreferences;
import org.ruxue.app.zoning.Schools;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The family's estimated chances: for its own child only (the signed-in family's student;
 * the page takes no id), per choice the chance of a place with its 95 % interval, the
 * chance of none, and the district's applicants per seat, labelled as an estimate with
 * the time it was computed and the preferences it was computed for.
 */
@Controller
class FamilyChancesController {

	private final Preferences preferences;

	private final ChanceEstimates estimates;

	private final Schools schools;

	private final CityClock cityClock;

	FamilyChancesController(Preferences preferences, ChanceEstimates estimates, Schools schools, CityClock cityClock) {
		this.preferences = preferences;
		this.estimates = estimates;
		this.schools = schools;
		this.cityClock = cityClock;
	}

	/** One line of the table: a choice, or no place (batch 0, school null). */
	record ChanceRow(int batch, String batchName, String school, String percent, String low, String high) {

	}

	@GetMapping("/junior/chances")
	String page(@AuthenticationPrincipal SignedIn family, Model model) {
		model.addAttribute("zone", cityClock.zone());
		PreferenceSheet sheet = preferences.sheet(family).orElse(null);
		model.addAttribute("sheet", sheet);
		if (sheet == null || sheet.route().isPresent()) {
			return "placement/chances";
		}
		var student = sheet.student();
		ChanceEstimates.FamilyEstimate estimate = estimates.forStudent(student.entryYear(), student.districtCode(),
				student.educationId());
		model.addAttribute("run", estimate.run().orElse(null));
		if (estimate.run().isEmpty()) {
			return "placement/chances";
		}
		EstimateRun run = estimate.run().get();
		Optional<SavedPreferences> saved = sheet.saved();
		model.addAttribute("savedAfter",
				saved.map(SavedPreferences::savedAt).filter(at -> at.isAfter(run.startedAt())).orElse(null));
		estimate.chances().ifPresent(chances -> {
			model.addAttribute("chances", chances);
			model.addAttribute("changed", !chances.listsAsIn(saved.map(SavedPreferences::choices).orElse(Map.of())));
			model.addAttribute("rows", rows(chances, sheet));
			model.addAttribute("unplaced", row(0, null, null, chances.unplaced()));
		});
		return "placement/chances";
	}

	private List<ChanceRow> rows(StudentChances chances, PreferenceSheet sheet) {
		Map<Integer, String> batchNames = new HashMap<>();
		sheet.plan().batches().forEach(b -> batchNames.put(b.number(), b.name()));
		Map<String, String> names = new HashMap<>();
		schools.byCodes(chances.choices().stream().map(StudentChances.ChoiceChance::schoolCode).toList())
			.forEach(s -> names.put(s.code(), s.name()));
		List<ChanceRow> rows = new ArrayList<>();
		for (StudentChances.ChoiceChance choice : chances.choices()) {
			rows.add(row(choice.batch(), batchNames.get(choice.batch()),
					names.getOrDefault(choice.schoolCode(), choice.schoolCode()), choice.chance()));
		}
		return rows;
	}

	private static ChanceRow row(int batch, String batchName, String school, Chance chance) {
		return new ChanceRow(batch, batchName, school, percent(chance.share()), percent(chance.low()),
				percent(chance.high()));
	}

	/**
	 * One decimal: finer would promise more than a few hundred simulated draws can tell.
	 */
	static String percent(double share) {
		return String.format(Locale.ROOT, "%.1f%%", share * 100);
	}

}
