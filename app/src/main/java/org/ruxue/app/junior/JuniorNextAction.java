package org.ruxue.app.junior;

import java.time.LocalDate;

/**
 * The one thing a junior-entry family should do now (issue 12), decided from the
 * student's data check (R-J2, R-J3), an admission outside the draw, the preference
 * window, the draw day (R-J7) and the day results are announced (R-G8). Earlier steps
 * come first: a family checks the data before it fills in preferences.
 *
 * @param key the message key of what to do now
 * @param argument the date or school the message names, or null
 * @param href where the family does it, or null when it is done on the page itself or
 * there is nothing to do but wait
 * @param button the message key of the button's label, or null with no href
 */
public record JuniorNextAction(String key, Object argument, String href, String button) {

	static JuniorNextAction decide(ConfirmationStatus status, PreferenceSheet sheet, LocalDate today, LocalDate drawOn,
			LocalDate resultsFrom) {
		if (status.canConfirm() || (status.open() && status.state() == ConfirmationStatus.State.ERROR_REPORTED)) {
			return new JuniorNextAction(status.nextStep(), null, null, null);
		}
		if (sheet.route().isPresent()) {
			return new JuniorNextAction("junior.now.route", sheet.route().get().schoolName(), null, null);
		}
		if (resultsFrom != null && !today.isBefore(resultsFrom)) {
			return new JuniorNextAction("junior.now.result", null, "/junior/result", "junior.now.result.button");
		}
		if (sheet.open() && !sheet.plan().batches().isEmpty()) {
			return sheet.saved().isPresent()
					? new JuniorNextAction("junior.now.preferences-saved", sheet.closesOn(), null, null)
					: new JuniorNextAction("junior.now.preferences", sheet.closesOn(), "/junior/preferences",
							"junior.now.preferences.button");
		}
		if (sheet.opensOn() != null && today.isBefore(sheet.opensOn())) {
			return new JuniorNextAction("junior.now.preferences-later", sheet.opensOn(), null, null);
		}
		if (drawOn != null && !today.isAfter(drawOn)) {
			return new JuniorNextAction("junior.now.draw", drawOn, null, null);
		}
		if (resultsFrom != null) {
			return new JuniorNextAction("junior.now.results-later", resultsFrom, null, null);
		}
		return new JuniorNextAction(status.nextStep(), null, null, null);
	}

}
