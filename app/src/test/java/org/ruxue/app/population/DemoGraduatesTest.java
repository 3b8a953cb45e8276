package org.ruxue.app.population;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's registry export (R-J1) holds the very graduates the demo's population
 * register holds, so that their identity checks pass.
 */
class DemoGraduatesTest {

	@Test
	void theExportedGraduatesAreTheDemoRegistersGraduates() {
		LocalDate cutoff = LocalDate.of(2017, 8, 31);
		List<String> export = Arrays
			.asList(new String(DemoGraduates.exportCsv(cutoff), StandardCharsets.UTF_8).split("\n"));
		Set<String> register = Arrays.stream(DemoPopulation.csv(cutoff).split("\n"))
			.map(line -> line.split(",")[0] + "," + line.split(",")[1])
			.collect(Collectors.toSet());

		assertThat(export).hasSize(DemoPopulation.GRADUATES + 1);
		assertThat(export.subList(1, export.size()))
			.allSatisfy(row -> assertThat(register).contains(row.split(",")[2] + "," + row.split(",")[1]));
	}

}
