package org.ruxue.app.opportunity;

import java.util.Arrays;

/**
 * A query or a change that cannot be used: a message key of
 * {@code i18n/opportunity*.properties} with its arguments, for the person to act on.
 */
public class InvalidOpportunityQuery extends RuntimeException {

	private final String messageKey;

	private final transient Object[] args;

	public InvalidOpportunityQuery(String messageKey, Object... args) {
		super(messageKey + " " + Arrays.toString(args));
		this.messageKey = messageKey;
		this.args = args.clone();
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args.clone();
	}

}
