package org.ruxue.app.population;

import java.time.LocalDate;

/** Named register entries for tests. */
final class SyntheticPeople {

	private SyntheticPeople() {
	}

	/** A Dongcheng boy born on the 2017 cutoff day, living in 景山街道. */
	static Person bornOnCutoffInDongcheng(String name) {
		IdCardNumber idNumber = IdCardNumber.withCheckDigit("11010120110831987");
		return new Person(idNumber, name, Sex.MALE, LocalDate.of(2011, 8, 31), HukouType.BEIJING, "110101", "110101002",
				"北京市东城区景山街道1号院1号楼1单元101");
	}

	/** A Dongcheng girl born on the 2017 cutoff day, living in 景山街道. */
	static Person girlBornOnCutoffInDongcheng(String name) {
		IdCardNumber idNumber = IdCardNumber.withCheckDigit("11010120110831986");
		return new Person(idNumber, name, Sex.FEMALE, LocalDate.of(2011, 8, 31), HukouType.BEIJING, "110101",
				"110101002", "北京市东城区景山街道1号院1号楼1单元102");
	}

}
