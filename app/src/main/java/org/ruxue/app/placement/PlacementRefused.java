package org.ruxue.app.placement;

import java.util.List;

/**
 * Something asked of a draw or an estimate that the rules forbid; the message key names
 * why in words an administrator can act on, and nothing was changed.
 */
public class PlacementRefused extends RuntimeException {

	private final String messageKey;

	private final List<Object> args;

	public PlacementRefused(String messageKey, Object... args) {
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
