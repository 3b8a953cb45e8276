package org.ruxue.app.placement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ruxue.app.zoning.Districts;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public: each district's applicants per seat from its latest chance estimate, for the
 * press and families' apps. Figures of whole districts only, never of a student.
 */
@RestController
@RequestMapping("/api/v1/placement/estimates")
class EstimatesApi {

	static final String NOTE = "Estimates from simulated draws over the preferences saved so far, not results: "
			+ "preferences can change until the deadline, and only the city's draw places anyone.";

	private final ChanceEstimates estimates;

	private final Districts districts;

	EstimatesApi(ChanceEstimates estimates, Districts districts) {
		this.estimates = estimates;
		this.districts = districts;
	}

	/**
	 * @param students students in the district's draw
	 * @param studentsWithChoices those with at least one saved choice
	 * @param seats seats the draw offers
	 * @param applicantsPerSeat students per seat, null when no seat is offered
	 * @param computedAt when the estimate finished
	 * @param preferencesAsOf the preferences as saved before this went into it
	 */
	record DistrictFigure(String district, String name, int students, int studentsWithChoices, int seats,
			BigDecimal applicantsPerSeat, Instant computedAt, Instant preferencesAsOf, int runs) {

	}

	record EstimatesResponse(int year, String note, List<DistrictFigure> districts) {

	}

	@GetMapping("/{year}")
	EstimatesResponse year(@PathVariable int year) {
		Map<String, String> names = new HashMap<>();
		districts.all().forEach(d -> names.put(d.code(), d.name()));
		List<DistrictFigure> figures = estimates.published(year)
			.stream()
			.map(r -> new DistrictFigure(r.districtCode(), names.get(r.districtCode()), r.students(),
					r.studentsWithChoices(), r.seats(), r.applicantsPerSeat(), r.finishedAt(), r.startedAt(), r.runs()))
			.toList();
		return new EstimatesResponse(year, NOTE, figures);
	}

}
