package org.ruxue.app.notification;

import java.util.List;

/**
 * A domain event that tells people something. The notification module writes its messages
 * to the outbox while the publishing transaction is still open, so a change and its
 * messages commit or roll back together; delivery happens afterwards, with retries.
 */
public interface NotifyingEvent {

	List<OutgoingMessage> messages();

}
