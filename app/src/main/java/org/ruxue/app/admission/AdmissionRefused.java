package org.ruxue.app.admission;

import java.util.List;

/** A decision the rules forbid, with the reason as a message key; nothing was changed. */
public class AdmissionRefused extends RuntimeException {

	private final String messageKey;

	private final List<Object> args;

	public AdmissionRefused(String messageKey, Object... args) {
		super(messageKey);
		this.messageKey = messageKey;
		this.args = List.of(args);
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args.toArray();
	}

}
