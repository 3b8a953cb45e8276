package org.ruxue.app.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ruxue.app.audit.Actor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo runs the year of the source article, 2017, with its dates. Where the article
 * gives no date (preferences, publication) the demo assumes one; the administrator edits
 * all of them.
 */
@Component
@Profile("demo")
@Order(10)
class DemoCalendar implements ApplicationRunner {

	static final int YEAR = 2017;

	private final EnrollmentCalendar calendar;

	DemoCalendar(EnrollmentCalendar calendar) {
		this.calendar = calendar;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (calendar.rules(YEAR).isEmpty()) {
			scheduleSourceYear();
		}
	}

	/** Sets 2017 to the source's dates, whatever it held before. */
	void scheduleSourceYear() {
		calendar.schedule(YEAR, null, List.of(
				// R-P1: primary collection 05-08 to 05-31
				window(PhaseKind.PRIMARY_COLLECTION, "2017-05-08", "2017-05-31"),
				// R-P15: study-permit decisions published from 05-16
				window(PhaseKind.STUDY_PERMIT_RESULTS, "2017-05-16", null),
				// R-J4: transfer applications 05-08 to 05-12
				window(PhaseKind.JUNIOR_TRANSFER, "2017-05-08", "2017-05-12"),
				// R-J7: preferences before the draw (demo assumption: the article gives
				// no dates)
				window(PhaseKind.JUNIOR_PREFERENCES, "2017-06-19", "2017-06-25"),
				// R-J7: the city-wide lottery on 07-05
				window(PhaseKind.LOTTERY_DAY, "2017-07-05", "2017-07-05"),
				// R-G8: results from the day after the draw (demo assumption)
				window(PhaseKind.RESULT_PUBLICATION, "2017-07-06", null)),
				// R-P2: born on or before 31 August 2011
				YearRules.defaultAgeCutoff(YEAR),
				// R-Z4: Chaoyang's 2017 cutoff for multi-school zoning
				Map.of("110105", LocalDate.parse("2017-06-30")), Actor.SYSTEM);
	}

	private static PhaseWindow window(PhaseKind kind, String opensOn, String closesOn) {
		return new PhaseWindow(kind, LocalDate.parse(opensOn), (closesOn != null) ? LocalDate.parse(closesOn) : null);
	}

}
