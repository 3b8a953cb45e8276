package org.ruxue.app.portal;

import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;
import org.ruxue.app.calendar.CityClock;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the clock banner when the clock is not real time, and
 * the current path.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageShell {

	private static final DateTimeFormatter BANNER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final CityClock clock;

	PageShell(CityClock clock) {
		this.clock = clock;
	}

	@ModelAttribute("clockNotice")
	String clockNotice() {
		return (clock.notice() != null) ? BANNER.format(clock.notice().atZoneSameInstant(clock.zone())) : null;
	}

	@ModelAttribute("clockFixed")
	boolean clockFixed() {
		return clock.isFixed();
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

}
