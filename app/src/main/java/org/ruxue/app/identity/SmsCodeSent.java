package org.ruxue.app.identity;

import java.util.List;

import org.ruxue.app.notification.NotifyingEvent;
import org.ruxue.app.notification.OutgoingMessage;

/**
 * A one-time code was issued to a mobile number. It carries the code in clear only on its
 * way to the outbox: the platform keeps a keyed hash of it.
 */
public record SmsCodeSent(MobileNumber mobile, SmsCodes.Purpose purpose, String code,
		long minutes) implements NotifyingEvent {

	@Override
	public List<OutgoingMessage> messages() {
		return List.of(new OutgoingMessage(mobile.value(), null, "notification.sms.code",
				List.of(code, Long.toString(minutes))));
	}

	@Override
	public String toString() {
		return "SmsCodeSent[" + mobile.masked() + ", " + purpose + "]";
	}

}
