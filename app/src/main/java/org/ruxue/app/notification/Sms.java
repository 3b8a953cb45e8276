package org.ruxue.app.notification;

/** One text to one number; {@code id} is the outbox id, the gateways' idempotency key. */
record Sms(long id, String to, String text) {

	@Override
	public String toString() {
		return "Sms[id=" + id + ", to=" + MaskedMobile.of(to) + "]";
	}

}
