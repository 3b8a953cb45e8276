package org.ruxue.app.audit;

import java.time.ZoneId;
import java.util.List;

import org.ruxue.app.tables.Column;
import org.ruxue.app.tables.TableQuery;
import org.ruxue.app.tables.Tables;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/** The city administrator's view of the trail (security: /admin/** is CITY_ADMIN). */
@Controller
class AuditAdminController {

	/**
	 * The newest entries the page arranges; older ones are read with the trail's tools.
	 */
	static final int LATEST = 2_000;

	/** The columns (issue 12): sorted, filtered and downloaded by the staff table. */
	static final List<Column<AuditEntry>> COLUMNS = List.of(
			Column.number("position", "admin.audit.position", AuditEntry::position),
			Column.time("when", "admin.audit.when", AuditEntry::occurredAt),
			Column.text("who", "admin.audit.who", e -> e.actor() + " (" + e.actorRole() + ")"),
			Column.text("action", "admin.audit.action", AuditEntry::action),
			Column.text("subject", "admin.audit.subject", e -> e.subjectType() + " " + e.subjectId()),
			Column.text("rules", "admin.audit.rules", e -> String.join(", ", e.ruleIds())));

	private final AuditTrail trail;

	private final ZoneId zone;

	private final Tables tables;

	AuditAdminController(AuditTrail trail, @Value("${ruxue.time-zone}") String zone, Tables tables) {
		this.trail = trail;
		this.zone = ZoneId.of(zone);
		this.tables = tables;
	}

	@GetMapping("/admin/audit")
	ModelAndView trail(TableQuery table, Model model) {
		model.addAttribute("zone", zone);
		model.addAttribute("latest", LATEST);
		return tables.show("admin/audit", "audit", trail.latest(LATEST), COLUMNS, table, model);
	}

	@PostMapping("/admin/audit/verification")
	ModelAndView verify(Model model) {
		model.addAttribute("verification", trail.verify());
		return trail(TableQuery.none(), model);
	}

}
