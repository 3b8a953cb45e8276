package org.ruxue.app.notification;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The developer page of the {@code log} gateway: the last texts, sign-in codes included,
 * so that a tester can sign in without a phone. It exists only with that gateway, and
 * only in the demo and test profiles.
 */
@Controller
@Profile({ "demo", "test" })
@ConditionalOnProperty(name = NotificationConfiguration.GATEWAY, havingValue = "log", matchIfMissing = true)
class DevSmsController {

	private final LogSmsGateway gateway;

	private final ZoneId zone;

	DevSmsController(LogSmsGateway gateway, @Value("${ruxue.time-zone}") String zone) {
		this.gateway = gateway;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping("/dev/sms")
	String recent(Model model) {
		model.addAttribute("messages", gateway.recent());
		model.addAttribute("zone", zone);
		return "notification/dev-sms";
	}

}
