package org.ruxue.app.calendar;

/** Named calendar fixtures for tests of any module. */
public final class Calendars {

	private Calendars() {
	}

	/**
	 * The 2017 year of the source article, as the demo has it (R-P1, R-J4, R-J7, R-P15).
	 */
	public static void sourceYear2017(EnrollmentCalendar calendar) {
		new DemoCalendar(calendar).scheduleSourceYear();
	}

}
