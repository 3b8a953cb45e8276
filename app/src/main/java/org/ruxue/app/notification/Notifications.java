package org.ruxue.app.notification;

import java.time.Clock;
import java.util.List;

import org.ruxue.app.audit.Actor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's facade: it writes every {@link NotifyingEvent}'s messages to the outbox in
 * the publisher's transaction; delivery follows from the outbox, never from here.
 */
@Service
public class Notifications {

	private final Outbox outbox;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Notifications(Outbox outbox, Clock clock, ApplicationEventPublisher events) {
		this.outbox = outbox;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Synchronous on purpose: a change whose messages cannot be stored must not commit.
	 */
	@EventListener
	@Transactional
	void on(NotifyingEvent event) {
		List<OutgoingMessage> messages = event.messages();
		if (messages.size() > 50) {
			outbox.addAll(messages, clock.instant());
			return;
		}
		for (OutgoingMessage message : messages) {
			outbox.add(message, clock.instant());
		}
	}

	/**
	 * Gives a FAILED text fresh attempts, on the record; false when the message is not
	 * (or no longer) FAILED.
	 */
	@Transactional
	public boolean retry(long messageId, Actor by) {
		var message = outbox.byId(messageId);
		if (message.isEmpty() || !outbox.retry(messageId, clock.instant())) {
			return false;
		}
		events.publishEvent(new MessageRetried(messageId, message.get().templateKey(), by));
		return true;
	}

}
