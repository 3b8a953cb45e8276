package org.ruxue.app.notification;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ruxue.notification.*}: how often the worker looks for due messages, how it backs
 * off, and which SMS gateway it uses ({@code log} for demos, {@code smpp} or {@code http}
 * in production).
 */
@ConfigurationProperties("ruxue.notification")
record NotificationProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("20") int batchSize,
		@DefaultValue("10m") Duration lease, @DefaultValue Retry retry, @DefaultValue Sms sms) {

	/**
	 * Exponential backoff: initial, doubled per attempt up to max, FAILED after
	 * maxAttempts.
	 */
	record Retry(@DefaultValue("10s") Duration initialBackoff, @DefaultValue("30m") Duration maxBackoff,
			@DefaultValue("8") int maxAttempts) {

		Backoff backoff() {
			return new Backoff(initialBackoff, maxBackoff, maxAttempts);
		}

	}

	record Sms(@DefaultValue("log") String gateway, @DefaultValue Log log, @DefaultValue Smpp smpp,
			@DefaultValue Http http) {

		Sms {
			if (!List.of("log", "smpp", "http").contains(gateway)) {
				throw new IllegalArgumentException(
						"ruxue.notification.sms.gateway must be log, smpp or http, not " + gateway);
			}
		}

	}

	/** The demo gateway: the log, and the last {@code keep} messages for /dev/sms. */
	record Log(@DefaultValue("200") int keep) {

	}

	record Smpp(@DefaultValue("127.0.0.1") String host, @DefaultValue("2775") int port,
			@DefaultValue("ruxue") String systemId, @DefaultValue("") String password,
			@DefaultValue("") String systemType, @DefaultValue("10690000") String sourceAddress,
			@DefaultValue("10s") Duration responseTimeout, @DefaultValue("30s") Duration enquireLinkInterval,
			@DefaultValue("1s") Duration initialReconnectDelay, @DefaultValue("1m") Duration maxReconnectDelay,
			@DefaultValue("payload") SmppSmsGateway.LongTexts longTexts) {

	}

	record Http(URI url, @DefaultValue("") String authorization, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("10s") Duration requestTimeout) {

	}

}
