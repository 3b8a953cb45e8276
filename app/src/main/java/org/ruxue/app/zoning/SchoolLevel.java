package org.ruxue.app.zoning;

/** Which entries a school takes: a nine-year school (九年一贯制) takes both. */
public enum SchoolLevel {

	PRIMARY, JUNIOR, NINE_YEAR;

	/** Whether the school takes children entering grade 1 (幼升小). */
	public boolean takesPrimaryEntry() {
		return this != JUNIOR;
	}

	/** Whether the school takes graduates entering grade 7 (小升初). */
	public boolean takesJuniorEntry() {
		return this != PRIMARY;
	}

}
