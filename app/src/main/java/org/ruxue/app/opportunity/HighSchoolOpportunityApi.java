package org.ruxue.app.opportunity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The open opportunity query (R-G1, R-J6) for apps and the press: anyone may call it. */
@RestController
@RequestMapping("/api/v1/high-school-opportunities")
class HighSchoolOpportunityApi {

	private final HighSchoolOpportunities opportunities;

	private final MessageSource messages;

	HighSchoolOpportunityApi(HighSchoolOpportunities opportunities, MessageSource messages) {
		this.opportunities = opportunities;
		this.messages = messages;
	}

	/** A query that cannot be used is a 400 problem in the caller's language. */
	@ExceptionHandler(InvalidOpportunityQuery.class)
	ProblemDetail invalid(InvalidOpportunityQuery ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				messages.getMessage(ex.messageKey(), ex.args(), locale));
		problem.setTitle(messages.getMessage("error.bad-request.title", null, locale));
		return problem;
	}

	@GetMapping
	@Operation(summary = "Find general public junior highs with opportunity figures",
			description = "Junior highs whose name or code contains q (full-width characters and blanks are "
					+ "ignored), in the district when given, by district and name, each with its latest year's "
					+ "figures. Without q and district: every junior high with figures.")
	List<SchoolSummary> search(
			@Parameter(description = "Part of the school's name or code, e.g. 101中学; "
					+ "at most 50 characters") @RequestParam(required = false) String q,
			@Parameter(description = "Only this district, e.g. 110108") @RequestParam(
					required = false) String district) {
		return opportunities.search(q, district).stream().map(SchoolSummary::of).toList();
	}

	@GetMapping("/{code}")
	@Operation(summary = "One junior high's quota places by quality high school, over the years",
			description = "Every imported year, oldest first, with its graduates, the share who entered a quality "
					+ "high school, and the quota places (名额分配, 校额到校) each quality high school allotted; "
					+ "and the eligibility conditions in the request's language. 404 when the school has no "
					+ "figures.")
	SchoolOpportunities school(
			@Parameter(description = "The school's code, e.g. 110108-J001") @PathVariable String code, Locale locale) {
		JuniorHighProfile profile = opportunities.profile(code)
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND,
					messages.getMessage("opportunity.error.unknown-school", new Object[] { code }, locale)));
		return SchoolOpportunities.of(profile, opportunities.eligibility().text(locale));
	}

	@Schema(description = "A junior high with its latest year's figures")
	record SchoolSummary(@Schema(description = "The school's code") String code,
			@Schema(description = "The school's name") String name,
			@Schema(description = "District code, e.g. 110108") String district,
			@Schema(description = "District name, e.g. 海淀区") String districtName,
			@Schema(description = "The latest year with figures") int latestYear,
			@Schema(description = "Its graduates that year") int graduates,
			@Schema(description = "Quota places allotted to it that year, all quality high schools together") int quotaPlaces,
			@Schema(description = "Quota places per graduate that year, e.g. 0.081") BigDecimal placesPerGraduate,
			@Schema(description = "Percentage of that year's graduates who entered a quality high school, "
					+ "e.g. 42.5") BigDecimal shareEntered) {

		static SchoolSummary of(JuniorHighProfile profile) {
			YearFigures latest = profile.latest().orElseThrow();
			return new SchoolSummary(profile.school().code(), profile.school().name(), profile.school().districtCode(),
					profile.districtName(), latest.year(), latest.graduates(), latest.totalPlaces(),
					latest.placesPerGraduate(), latest.shareEntered());
		}

	}

	@Schema(description = "A junior high's figures over the years")
	record SchoolOpportunities(@Schema(description = "The school's code") String code,
			@Schema(description = "The school's name") String name,
			@Schema(description = "District code, e.g. 110108") String district,
			@Schema(description = "District name, e.g. 海淀区") String districtName,
			@Schema(description = "Every year with figures, oldest first") List<Year> years,
			@Schema(description = "The conditions for the quota places, as the city words them") String eligibility) {

		static SchoolOpportunities of(JuniorHighProfile profile, String eligibility) {
			return new SchoolOpportunities(profile.school().code(), profile.school().name(),
					profile.school().districtCode(), profile.districtName(),
					profile.years().stream().map(Year::of).toList(), eligibility);
		}

	}

	record Year(@Schema(description = "The year the graduates entered high school") int year,
			@Schema(description = "The school's graduates that year") int graduates,
			@Schema(description = "Percentage who entered a quality high school, e.g. 42.5") BigDecimal shareEntered,
			@Schema(description = "Quota places, all quality high schools together") int quotaPlaces,
			@Schema(description = "Quota places per graduate, e.g. 0.081") BigDecimal placesPerGraduate,
			@Schema(description = "The places by quality high school, most first") List<Quota> quotas) {

		static Year of(YearFigures y) {
			return new Year(y.year(), y.graduates(), y.shareEntered(), y.totalPlaces(), y.placesPerGraduate(),
					y.quotas()
						.stream()
						.map(q -> new Quota(q.highSchoolCode(), q.highSchoolName(), q.places()))
						.toList());
		}

	}

	record Quota(@Schema(description = "The quality high school's code") String highSchoolCode,
			@Schema(description = "The quality high school's name, e.g. 北京市第四中学") String highSchoolName,
			@Schema(description = "Quota places (名额分配, 校额到校) it allotted") int places) {
	}

}
