package org.ruxue.app.opportunity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.Schools;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The opportunity query (R-G1, R-J6): anyone finds a general public junior high by name
 * or district and reads its quota places by quality high school, places per graduate and
 * the share who entered a quality high school over the years, up to four schools side by
 * side, and the eligibility conditions the city words.
 */
@Service
public class HighSchoolOpportunities {

	/** How many schools a comparison holds side by side. */
	public static final int MAX_COMPARED = 4;

	static final int MAX_QUERY_LENGTH = 50;

	static final int MAX_ELIGIBILITY_LENGTH = 5000;

	private final Figures figures;

	private final Schools schools;

	private final Districts districts;

	private final ApplicationEventPublisher events;

	private final EnrollmentCalendar calendar;

	HighSchoolOpportunities(Figures figures, Schools schools, Districts districts, ApplicationEventPublisher events,
			EnrollmentCalendar calendar) {
		this.figures = figures;
		this.schools = schools;
		this.districts = districts;
		this.events = events;
		this.calendar = calendar;
	}

	/**
	 * The junior highs with figures whose name or code contains the text (width and
	 * blanks ignored), in the district when one is given, by district and name.
	 * @throws InvalidOpportunityQuery when the text is too long or the district unknown
	 */
	public List<JuniorHighProfile> search(String text, String districtCode) {
		String wanted = key(text);
		if (wanted.length() > MAX_QUERY_LENGTH) {
			throw new InvalidOpportunityQuery("opportunity.error.query-length", MAX_QUERY_LENGTH);
		}
		String district = (districtCode == null || districtCode.isBlank()) ? null : districtCode.strip();
		if (district != null && districts.byCode(district).isEmpty()) {
			throw new InvalidOpportunityQuery("opportunity.error.district", district);
		}
		List<School> found = schools.byCodes(figures.schoolsWithFigures())
			.stream()
			.filter(s -> district == null || s.districtCode().equals(district))
			.filter(s -> key(s.name()).contains(wanted) || key(s.code()).contains(wanted))
			.sorted(Comparator.comparing(School::districtCode).thenComparing(School::name))
			.toList();
		return profiles(found);
	}

	public Optional<JuniorHighProfile> profile(String schoolCode) {
		if (schoolCode == null || schoolCode.isBlank()) {
			return Optional.empty();
		}
		return schools.byCode(schoolCode.strip()).flatMap(s -> profiles(List.of(s)).stream().findFirst());
	}

	/**
	 * The schools side by side, in the order asked.
	 * @throws InvalidOpportunityQuery when none or more than {@link #MAX_COMPARED} are
	 * asked for, or a code has no figures
	 */
	public List<JuniorHighProfile> compare(List<String> schoolCodes) {
		Set<String> codes = (schoolCodes == null) ? Set.of()
				: schoolCodes.stream()
					.filter(c -> c != null && !c.isBlank())
					.map(String::strip)
					.collect(Collectors.toCollection(LinkedHashSet::new));
		if (codes.isEmpty()) {
			throw new InvalidOpportunityQuery("opportunity.error.compare-none");
		}
		if (codes.size() > MAX_COMPARED) {
			throw new InvalidOpportunityQuery("opportunity.error.compare-too-many", MAX_COMPARED, codes.size());
		}
		List<JuniorHighProfile> compared = new ArrayList<>();
		for (String code : codes) {
			compared.add(profile(code)
				.orElseThrow(() -> new InvalidOpportunityQuery("opportunity.error.unknown-school", code)));
		}
		return compared;
	}

	public Eligibility eligibility() {
		return figures.eligibility();
	}

	/**
	 * @param expectedVersion the version the editor started from
	 * @return false when the texts are the ones stored already (nothing goes on record)
	 * @throws InvalidOpportunityQuery when the Chinese text is empty, a text too long, or
	 * someone changed the texts since expectedVersion
	 */
	@Transactional
	public boolean changeEligibility(String textZh, String textEn, int expectedVersion, Actor by) {
		String zh = (textZh == null) ? "" : textZh.strip();
		String en = (textEn == null) ? "" : textEn.strip();
		if (zh.isEmpty()) {
			throw new InvalidOpportunityQuery("opportunity.error.eligibility-required");
		}
		if (zh.length() > MAX_ELIGIBILITY_LENGTH || en.length() > MAX_ELIGIBILITY_LENGTH) {
			throw new InvalidOpportunityQuery("opportunity.error.eligibility-length", MAX_ELIGIBILITY_LENGTH);
		}
		Eligibility before = figures.eligibility();
		if (before.version() != expectedVersion) {
			throw new InvalidOpportunityQuery("opportunity.error.eligibility-stale");
		}
		if (before.textZh().equals(zh) && before.textEn().equals(en)) {
			return false;
		}
		if (!figures.saveEligibility(zh, en, expectedVersion, by.name(), calendar.now())) {
			throw new InvalidOpportunityQuery("opportunity.error.eligibility-stale");
		}
		events.publishEvent(new EligibilityChanged(by, expectedVersion + 1, summary(before.textZh()), summary(zh)));
		return true;
	}

	private List<JuniorHighProfile> profiles(List<School> found) {
		if (found.isEmpty()) {
			return List.of();
		}
		Map<String, List<YearFigures>> years = figures.ofSchools(found.stream().map(School::code).toList());
		Map<String, String> names = districts.all().stream().collect(Collectors.toMap(District::code, District::name));
		return found.stream()
			.filter(s -> years.containsKey(s.code()))
			.map(s -> new JuniorHighProfile(s, names.getOrDefault(s.districtCode(), s.districtCode()),
					years.get(s.code())))
			.toList();
	}

	/** A text as compared in search: NFKC (full width to half), no blanks, lower case. */
	static String key(String text) {
		if (text == null) {
			return "";
		}
		return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
	}

	/** The start of a text, for the audit trail's before and after. */
	private static String summary(String text) {
		String oneLine = text.replaceAll("\\s+", " ");
		return (oneLine.length() > 120) ? oneLine.substring(0, 120) + "…" : oneLine;
	}

}
