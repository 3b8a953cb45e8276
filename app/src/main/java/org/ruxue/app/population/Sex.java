package org.ruxue.app.population;

enum Sex {

	MALE, FEMALE;

	static Sex of(IdCardNumber idNumber) {
		return idNumber.isMale() ? MALE : FEMALE;
	}

}
