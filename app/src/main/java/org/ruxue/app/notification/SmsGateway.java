package org.ruxue.app.notification;

/**
 * The port to whoever carries texts to phones, chosen by
 * {@code ruxue.notification.sms.gateway}: {@code log}, {@code smpp} or {@code http}.
 */
interface SmsGateway {

	/**
	 * Hands the text over; returns the gateway's message id. Throws when the gateway did
	 * not take it, so that the worker tries again later.
	 */
	String send(Sms sms) throws SmsNotSentException;

}
