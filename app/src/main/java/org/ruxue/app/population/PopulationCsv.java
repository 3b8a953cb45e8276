package org.ruxue.app.population;

/**
 * The register's bulk format: one person a row in the column order of
 * {@code population_person}, so that COPY loads it as it is.
 */
final class PopulationCsv {

	private PopulationCsv() {
	}

	static CsvWriter header(CsvWriter csv) {
		return csv.row("id_number", "name", "sex", "birth_date", "hukou_type", "hukou_district_code",
				"address_street_code", "address");
	}

	static CsvWriter write(CsvWriter csv, Person person) {
		return csv.row(person.idNumber().value(), person.name(), person.sex(), person.birthDate(), person.hukouType(),
				person.hukouDistrictCode(), person.addressStreetCode(), person.address());
	}

}
