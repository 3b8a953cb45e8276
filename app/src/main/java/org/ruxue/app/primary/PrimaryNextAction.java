package org.ruxue.app.primary;

import java.time.LocalDate;
import java.util.List;

import org.ruxue.app.calendar.PhaseWindow;

/**
 * The one thing a primary-entry family should do now (issue 12), decided from its
 * registration's review and identity check (R-P6, R-P11, R-P8) or, before it has one,
 * from the collection window (R-P1).
 *
 * @param key the message key of what to do now
 * @param argument the date the message names, or null
 * @param href where the family does it, or null when it is done on the page itself or
 * there is nothing to do but wait
 * @param button the message key of the button's label, or null with no href
 */
public record PrimaryNextAction(String key, Object argument, String href, String button) {

	/** R-P6: the step the registration has reached says what comes now. */
	static PrimaryNextAction of(Registration r, boolean windowOpen, boolean cancellable) {
		String mine = "/primary/mine/" + r.id();
		String cancel = cancellable ? mine + "/cancel" : null;
		String cancelButton = cancellable ? "primary.now.cancel.button" : null;
		return switch (r.status()) {
			case CANCELLED -> windowOpen ? register("primary.now.register-again")
					: new PrimaryNextAction("primary.now.after-window", null, null, null);
			case REJECTED -> windowOpen ? register("primary.now.rejected")
					: new PrimaryNextAction("primary.now.rejected-after-window", null, null, null);
			case ACCEPTED -> new PrimaryNextAction("primary.now.accepted", null, null, null);
			case RETURNED ->
				new PrimaryNextAction(cancellable ? "primary.now.returned" : "primary.now.returned-after-window", null,
						cancel, cancelButton);
			case SUBMITTED, APPROVED -> switch (r.check()) {
				case PENDING -> new PrimaryNextAction("primary.now.pending", null, null, null);
				case MISMATCH ->
					new PrimaryNextAction(cancellable ? "primary.now.mismatch" : "primary.now.mismatch-after-window",
							null, cancel, cancelButton);
				case VERIFIED -> new PrimaryNextAction(
						(r.status() == RegistrationStatus.APPROVED) ? "primary.now.approved" : "primary.now.print",
						null, mine + "/form.pdf", "primary.now.print.button");
			};
		};
	}

	/**
	 * The entrance: a family with an active registration follows it; one without
	 * registers in the window (R-P1), or is told when it opens or whom to ask once it has
	 * closed (R-P3, R-P8).
	 */
	static PrimaryNextAction atEntrance(List<Registration> mine, PhaseWindow window, boolean windowOpen,
			LocalDate today) {
		for (Registration r : mine) {
			if (r.status().active()) {
				return of(r, windowOpen, cancellable(r, windowOpen));
			}
		}
		if (windowOpen) {
			return new PrimaryNextAction("primary.now.register", null, null, null);
		}
		if (window != null && today.isBefore(window.opensOn())) {
			return new PrimaryNextAction("primary.now.window-later", window.opensOn(), null, null);
		}
		return new PrimaryNextAction("primary.now.after-window", null, null, null);
	}

	/** R-P8: the family cancels itself until a school accepts, inside the window only. */
	static boolean cancellable(Registration r, boolean windowOpen) {
		return r.status().active() && r.status() != RegistrationStatus.ACCEPTED && windowOpen;
	}

	private static PrimaryNextAction register(String key) {
		return new PrimaryNextAction(key, null, "/primary", "primary.now.register.button");
	}

}
