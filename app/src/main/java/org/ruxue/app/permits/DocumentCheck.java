package org.ruxue.app.permits;

/** The district's check of one document. */
public enum DocumentCheck {

	UNCHECKED, ACCEPTED, INSUFFICIENT;

	public String messageKey() {
		return "permits.check." + name();
	}

}
