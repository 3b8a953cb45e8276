package org.ruxue.app.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public: what is open now and what comes next, for families' apps and the press. */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarApi {

	private final EnrollmentCalendar calendar;

	CalendarApi(EnrollmentCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping
	CalendarResponse now() {
		return new CalendarResponse(calendar.now(), calendar.today(), calendar.currentYear().orElse(null),
				calendar.openNow(), calendar.comingNext(10));
	}

	record CalendarResponse(Instant now, LocalDate today, Integer currentYear, List<PhaseWindow> openNow,
			List<PhaseWindow> comingNext) {
	}

}
