package org.ruxue.app.zoning;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The open zone lookup (R-Z3) for apps and the press: anyone may call it. */
@RestController
@RequestMapping("/api/v1/zones")
class ZoneLookupApi {

	private final ZoneLookup lookup;

	private final MessageSource messages;

	ZoneLookupApi(ZoneLookup lookup, MessageSource messages) {
		this.lookup = lookup;
		this.messages = messages;
	}

	/** A query that cannot be used is a 400 problem in the caller's language. */
	@org.springframework.web.bind.annotation.ExceptionHandler(InvalidZoneQuery.class)
	org.springframework.http.ProblemDetail invalid(InvalidZoneQuery ex, Locale locale) {
		org.springframework.http.ProblemDetail problem = org.springframework.http.ProblemDetail.forStatusAndDetail(
				org.springframework.http.HttpStatus.BAD_REQUEST,
				messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		problem.setTitle(messages.getMessage("error.bad-request.title", null, locale));
		return problem;
	}

	@GetMapping("/lookup")
	@Operation(summary = "From a home address as typed to the school or schools of its zone",
			description = "Ranked candidate addresses, best first, each with its school or schools, the rule that "
					+ "applied and why it matched. Without certificateDate a multi-school area answers both "
					+ "outcomes with the cutoff. No candidates: contact names the district's office when the "
					+ "district is known.")
	ZoneLookupResponse lookup(
			@Parameter(description = "The address as typed: full-width characters, 北京市 and the district, "
					+ "号/号院/号楼 variants, building, unit and room are all fine") @RequestParam("q") String q,
			@Parameter(description = "Only this district, e.g. 110105") @RequestParam(required = false) String district,
			@Parameter(description = "primary or junior; both when absent") @RequestParam(
					required = false) String level,
			@Parameter(description = "The property certificate's date, yyyy-MM-dd") @RequestParam(
					required = false) String certificateDate,
			@Parameter(description = "The zones of this enrollment year; the current ones when absent") @RequestParam(
					required = false) Integer year,
			Locale locale) {
		ZoneLookupResult result = lookup
			.lookup(new ZoneQuery(q, district, EntryLevel.parse(level), date(certificateDate), year));
		return ZoneLookupResponse.of(result, messages, locale);
	}

	private static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidZoneQuery("zoning.error.certificate-date",
					"certificateDate is a date written yyyy-MM-dd, not " + text.strip());
		}
	}

	@Schema(description = "The lookup's answer")
	record ZoneLookupResponse(@Schema(description = "The address as typed") String query,
			@Schema(description = "The part of it that was matched, after normalisation") String normalised,
			@Schema(description = "Whether any candidate was found") boolean found,
			@Schema(description = "Candidate addresses, best first") List<Candidate> candidates,
			@Schema(description = "The district office to ask when nothing was found and the district is known; "
					+ "else null") DistrictContact contact) {

		static ZoneLookupResponse of(ZoneLookupResult result, MessageSource messages, Locale locale) {
			return new ZoneLookupResponse(result.query(), result.normalised(), result.found(),
					result.candidates().stream().map(c -> Candidate.of(c, messages, locale)).toList(),
					result.contact());
		}

	}

	record Candidate(@Schema(description = "The standard address in the district's dictionary") String address,
			@Schema(description = "District code, e.g. 110105") String district,
			@Schema(description = "District name, e.g. 朝阳区") String districtName,
			@Schema(description = "The enrollment year whose zones answered") int year,
			@Schema(description = "PRIMARY or JUNIOR") EntryLevel level,
			@Schema(description = "The service zone (学校服务片)") String zone,
			@Schema(description = "Why this address matched") Match match,
			@Schema(description = "Where the home goes: one outcome, or both sides of the cutoff") List<Outcome> outcomes,
			@Schema(description = "六年一学位: when this home last supplied a place, "
					+ "if the district applies the rule and a room was typed") HomePlace home) {

		static Candidate of(ZoneCandidate c, MessageSource messages, Locale locale) {
			String why = messages.getMessage(c.match().messageKey(), new Object[] { c.matchedText(), c.differences() },
					locale);
			return new Candidate(c.address(), c.districtCode(), c.districtName(), c.year(), c.level(), c.zone(),
					new Match(c.match(), c.matchedText(), c.differences(), c.ignored(), why),
					c.outcomes()
						.stream()
						.map(o -> new Outcome(o.rule(),
								messages.getMessage(o.rule().messageKey(),
										new Object[] { (o.cutoff() != null) ? o.cutoff().toString() : "" }, locale),
								o.cutoff(), o.byLottery(), o.schools()))
						.toList(),
					(c.homeLastUsedIn() != null) ? new HomePlace(c.homeLastUsedIn(), c.homeFreeFrom()) : null);
		}

	}

	record Match(@Schema(description = "EXACT, ALIAS, CONTAINS or SIMILAR") MatchKind kind,
			@Schema(description = "The standard text or alias that matched") String matchedText,
			@Schema(description = "Characters that differ (typos)") int differences,
			@Schema(description = "What normalisation took off: city, district, street, building-unit-room") List<String> ignored,
			@Schema(description = "The reason in words, in the request's language") String explanation) {
	}

	record Outcome(@Schema(
			description = "SINGLE_SCHOOL, ON_OR_BEFORE_CUTOFF, AFTER_CUTOFF or MULTI_SCHOOL_COMPOUND") ZoningRule rule,
			@Schema(description = "The rule in words, in the request's language") String explanation,
			@Schema(description = "The district's multi-school cutoff (R-Z4), null when none applied") LocalDate cutoff,
			@Schema(description = "True when the placement lottery allocates among the schools") boolean byLottery,
			@Schema(description = "The school, or the schools of the lottery") List<ZoneSchool> schools) {
	}

	record HomePlace(@Schema(description = "The last year the home supplied a place") int lastUsedIn,
			@Schema(description = "The first year it may supply one again") int freeFrom) {
	}

}
