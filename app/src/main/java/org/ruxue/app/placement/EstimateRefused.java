package org.ruxue.app.placement;

import java.util.List;

/**
 * A chance estimate that cannot be asked for as it was (an unknown district, a number of
 * runs out of range, one running already); the message key says why.
 */
public class EstimateRefused extends RuntimeException {

	private final String messageKey;

	private final List<Object> args;

	public EstimateRefused(String messageKey, Object... args) {
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
