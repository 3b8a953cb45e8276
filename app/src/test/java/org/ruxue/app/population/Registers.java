package org.ruxue.app.population;

/** Population registers for other modules' tests of what happens when it fails. */
public final class Registers {

	private Registers() {
	}

	/** A register that cannot answer, as during an outage (R-P11). */
	public static PopulationRegister unavailable() {
		return new PopulationRegister((idNumber, name) -> {
			throw new PopulationRegisterUnavailable("test outage for " + idNumber);
		});
	}

}
