package org.ruxue.app.junior;

/** Where the student returns to (R-J4: 回户籍所在区或居住区). */
public enum TransferKind {

	/** The district of the student's hukou. */
	HUKOU,

	/** The district the family lives in (property or residence). */
	HOME;

	public String messageKey() {
		return "junior.transfer.kind." + name();
	}

}
