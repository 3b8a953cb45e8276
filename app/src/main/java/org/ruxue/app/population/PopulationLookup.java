package org.ruxue.app.population;

/**
 * The port behind {@link PopulationRegister}, chosen by {@code ruxue.population.adapter}:
 * {@code local} answers from the register table in this database, {@code http} asks a
 * JSON service (docs/population.md).
 */
interface PopulationLookup {

	/**
	 * The register's answer for this number and name.
	 * @throws PopulationRegisterUnavailable when the register cannot answer now
	 */
	Verification verify(IdCardNumber idNumber, String name);

}
