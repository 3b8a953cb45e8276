package org.ruxue.app.notification;

import java.time.ZoneId;
import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.tables.Column;
import org.ruxue.app.tables.TableQuery;
import org.ruxue.app.tables.Tables;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Texts the gateways did not take after every attempt, for the city administrator to
 * retry (security: /admin/** is CITY_ADMIN). Numbers are masked: the administrator needs
 * to see that a message failed, not to whom exactly.
 */
@Controller
class FailuresController {

	/**
	 * The newest failures: far more than a day of a gateway's outage, paged by the table.
	 */
	private static final int SHOWN = 20_000;

	/**
	 * The list's columns (issue 12): sorted, filtered and downloaded by the staff table.
	 */
	static final List<Column<StoredMessage>> COLUMNS = List.of(
			Column.number("id", "notification.failures.id", StoredMessage::id),
			Column.time("created", "notification.failures.created", StoredMessage::createdAt),
			Column.text("to", "notification.failures.to", StoredMessage::maskedMobile),
			Column.text("template", "notification.failures.template", StoredMessage::templateKey),
			Column.number("attempts", "notification.failures.attempts", StoredMessage::attempts),
			Column.text("error", "notification.failures.error", StoredMessage::lastError),
			Column.actions("action", "notification.failures.action"));

	private final Outbox outbox;

	private final Notifications notifications;

	private final ZoneId zone;

	private final Tables tables;

	FailuresController(Outbox outbox, Notifications notifications, @Value("${ruxue.time-zone}") String zone,
			Tables tables) {
		this.tables = tables;
		this.outbox = outbox;
		this.notifications = notifications;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping("/admin/notifications/failures")
	ModelAndView failures(TableQuery table, Model model) {
		model.addAttribute("zone", zone);
		return tables.show("notification/failures", "sms-failures", outbox.failures(SHOWN), COLUMNS, table, model);
	}

	@PostMapping("/admin/notifications/failures/{id}/retry")
	String retry(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
		boolean retried = notifications.retry(id, Actor.of(who.getName(), "CITY_ADMIN"));
		redirect.addFlashAttribute(retried ? "retried" : "notRetried", id);
		return "redirect:/admin/notifications/failures";
	}

}
