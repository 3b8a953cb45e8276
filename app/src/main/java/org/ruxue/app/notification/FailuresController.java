package org.ruxue.app.notification;

import java.time.ZoneId;

import org.ruxue.app.audit.Actor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Texts the gateways did not take after every attempt, for the city administrator to
 * retry (security: /admin/** is CITY_ADMIN). Numbers are masked: the administrator needs
 * to see that a message failed, not to whom exactly.
 */
@Controller
class FailuresController {

	private static final int SHOWN = 200;

	private final Outbox outbox;

	private final Notifications notifications;

	private final ZoneId zone;

	FailuresController(Outbox outbox, Notifications notifications, @Value("${ruxue.time-zone}") String zone) {
		this.outbox = outbox;
		this.notifications = notifications;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping("/admin/notifications/failures")
	String failures(Model model) {
		model.addAttribute("failures", outbox.failures(SHOWN));
		model.addAttribute("zone", zone);
		return "notification/failures";
	}

	@PostMapping("/admin/notifications/failures/{id}/retry")
	String retry(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
		boolean retried = notifications.retry(id, Actor.of(who.getName(), "CITY_ADMIN"));
		redirect.addFlashAttribute(retried ? "retried" : "notRetried", id);
		return "redirect:/admin/notifications/failures";
	}

}
