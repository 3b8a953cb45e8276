package org.ruxue.app.placement;

import java.util.List;

/**
 * Something the city asked of a draw that its rules forbid; the message key names why in
 * words an administrator can act on, and nothing was changed.
 */
public class DrawRefused extends RuntimeException {

	private final String messageKey;

	private final List<Object> args;

	public DrawRefused(String messageKey, Object... args) {
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
