package org.ruxue.app.notification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An outbox row: the message, where its SMS stands, and whether its owner has read it.
 */
record StoredMessage(long id, String mobile, String inboxOwner, String templateKey, List<String> arguments,
		Locale language, SmsStatus smsStatus, int attempts, Instant nextAttemptAt, UUID claimToken, String lastError,
		Instant createdAt, Instant sentAt, String gatewayMessageId, String receiptStatus, Instant readAt) {

	enum SmsStatus {

		/** No mobile number: the web inbox only. */
		NONE,
		/** Waiting for its next attempt. */
		PENDING,
		/** Claimed by a worker until its lease ends. */
		SENDING, SENT,
		/**
		 * Attempts exhausted or refused for good: for the city administrator to retry.
		 */
		FAILED

	}

	public String maskedMobile() {
		return MaskedMobile.of(mobile);
	}

	public boolean isRead() {
		return readAt != null;
	}

}
