package org.ruxue.app.population;

/** A guardian's relation to the child. */
enum Relation {

	FATHER, MOTHER

}
