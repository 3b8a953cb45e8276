package org.ruxue.app.primary;

/** Whose name an owned home's property certificate carries. */
public enum HomeOwner {

	PARENTS, GRANDPARENTS, OTHER

}
