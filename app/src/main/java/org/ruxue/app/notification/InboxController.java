package org.ruxue.app.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The signed-in person's web inbox: every message to their account, newest first. */
@Controller
class InboxController {

	private static final int SHOWN = 100;

	private final Outbox outbox;

	private final MessageTexts texts;

	private final Clock clock;

	private final ZoneId zone;

	InboxController(Outbox outbox, MessageTexts texts, Clock clock, @Value("${ruxue.time-zone}") String zone) {
		this.outbox = outbox;
		this.texts = texts;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping("/inbox")
	String inbox(Authentication reader, Locale locale, Model model) {
		List<InboxEntry> entries = outbox.inbox(reader.getName(), SHOWN)
			.stream()
			.map(m -> new InboxEntry(m.id(), texts.forReader(m, locale), m.createdAt().atZone(zone).toLocalDateTime(),
					m.isRead()))
			.toList();
		model.addAttribute("entries", entries);
		model.addAttribute("unread", entries.stream().filter(e -> !e.read()).count());
		return "notification/inbox";
	}

	@PostMapping("/inbox/{id}/read")
	String read(@PathVariable long id, Authentication reader) {
		outbox.markRead(reader.getName(), id, clock.instant());
		return "redirect:/inbox";
	}

	@PostMapping("/inbox/read")
	String readAll(Authentication reader) {
		outbox.markAllRead(reader.getName(), clock.instant());
		return "redirect:/inbox";
	}

	record InboxEntry(long id, String text, LocalDateTime at, boolean read) {

	}

}
