package org.ruxue.app.primary;

/** How the family lives at the address it registers by. */
public enum HomeTenure {

	OWNED, RENTED, OTHER

}
