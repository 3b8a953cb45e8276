package org.ruxue.app.audit;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The city administrator's view of the trail (security: /admin/** is CITY_ADMIN). */
@Controller
class AuditAdminController {

	private final AuditTrail trail;

	private final ZoneId zone;

	AuditAdminController(AuditTrail trail, @Value("${ruxue.time-zone}") String zone) {
		this.trail = trail;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping("/admin/audit")
	String trail(Model model) {
		model.addAttribute("entries", trail.latest(50));
		model.addAttribute("zone", zone);
		return "admin/audit";
	}

	@PostMapping("/admin/audit/verification")
	String verify(Model model) {
		model.addAttribute("verification", trail.verify());
		return trail(model);
	}

}
