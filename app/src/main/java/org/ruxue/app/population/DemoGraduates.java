package org.ruxue.app.population;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.ruxue.app.zoning.AdministrativeCodes;
import org.ruxue.app.zoning.AdministrativeDivisions;
import org.ruxue.app.zoning.DemoSchools;

/**
 * The demo population's graduates as the student registry exports them (R-J1,
 * docs/registry.md): the same pupils {@code DemoPopulation} puts into the register, so
 * that the demo's junior-entry pages have students whose identity checks pass.
 */
public final class DemoGraduates {

	private DemoGraduates() {
	}

	/** The export as CSV in UTF-8, its header first. */
	public static byte[] exportCsv(LocalDate ageCutoff) {
		var population = new SyntheticPopulation(DemoPopulation.SEED, IdNumberIssuer.forDemo(),
				AdministrativeDivisions.beijing2023(), AdministrativeCodes.beijing(), DemoSchools.all());
		var text = new StringWriter(1 << 18);
		var csv = new CsvWriter(text);
		csv.row((Object[]) Graduate.EXPORT_HEADER);
		BirthRange graduating = BirthRange.graduating(ageCutoff);
		for (int i = 0; i < DemoPopulation.GRADUATES; i++) {
			csv.row(population.graduate(graduating).exportRow());
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
