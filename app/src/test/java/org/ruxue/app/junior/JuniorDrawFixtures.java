package org.ruxue.app.junior;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Junior-entry fixtures for tests of other modules that draw (R-J7): a district with its
 * test schools and two batches, graduates whose families saved their choices or who were
 * admitted outside the draw, and the preference window open. A front to
 * {@link PreferenceFixtures}, which stays the junior tests' own.
 */
@Component
public class JuniorDrawFixtures {

	public static final int YEAR = PreferenceFixtures.YEAR;

	private final PreferenceFixtures fixtures;

	private final Preferences preferences;

	private final AdmissionRoutes routes;

	JuniorDrawFixtures(PreferenceFixtures fixtures, Preferences preferences, AdmissionRoutes routes) {
		this.fixtures = fixtures;
		this.preferences = preferences;
		this.routes = routes;
	}

	/** The district's n-th public junior high (n from 1 to 3). */
	public static String junior(String district, int n) {
		return PreferenceFixtures.junior(district, n);
	}

	/** The district's test schools and two batches: one choice, then up to two. */
	public void district(String district) {
		fixtures.district(district, PreferenceFixtures.twoBatches());
	}

	/**
	 * A graduate of the district whose family saved these choices (none saved when both
	 * are empty).
	 * @return the student's lottery id
	 */
	public String graduateChoosing(String district, String name, List<String> firstBatch, List<String> secondBatch) {
		PreferenceFixtures.Family family = fixtures.family(district, name);
		if (!firstBatch.isEmpty() || !secondBatch.isEmpty()) {
			return preferences.save(family.signedIn(), 0, Map.of(1, firstBatch, 2, secondBatch)).lotteryId();
		}
		return preferences.lotteryId(family.student());
	}

	/**
	 * A graduate of the district admitted outside the draw by the route (the graduate of
	 * the nine-year school itself for its direct progression): out of the draw, and the
	 * school offers one seat less in it.
	 */
	public void admittedOutsideTheDraw(String district, String name, RouteKind kind, String school) {
		PreferenceFixtures.Family family = (kind == RouteKind.DIRECT_PROGRESSION)
				? fixtures.family(district, name, school) : fixtures.family(district, name);
		routes.record(family.educationId(), kind, school, fixtures.officer(district));
	}

	/** The district's private junior high. */
	public static String privateSchool(String district) {
		return PreferenceFixtures.privateSchool(district);
	}

	/** The district's nine-year school. */
	public static String nineYear(String district) {
		return PreferenceFixtures.nineYear(district);
	}

	public void preferencesOpen() {
		fixtures.preferencesOpen();
	}

}
