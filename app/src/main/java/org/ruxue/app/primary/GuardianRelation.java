package org.ruxue.app.primary;

/** A guardian's relation to the child. */
public enum GuardianRelation {

	FATHER, MOTHER, GRANDPARENT, OTHER

}
