package org.ruxue.app.population;

/**
 * Household registration (户籍): Beijing, a Beijing collective hukou (R-P13), or elsewhere.
 */
enum HukouType {

	BEIJING, BEIJING_COLLECTIVE, NON_LOCAL

}
