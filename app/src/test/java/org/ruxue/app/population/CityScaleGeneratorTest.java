package org.ruxue.app.population;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruxue.app.zoning.AdministrativeCodes;
import org.ruxue.app.zoning.AdministrativeDivisions;
import org.ruxue.app.zoning.DemoSchools;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.Street;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The benchmark data at a small size: what the full city-scale run writes, row by row.
 */
class CityScaleGeneratorTest {

	private static final int CHILDREN = 400;

	private static final int GRADUATES = 300;

	@TempDir
	Path directory;

	@Test
	void writesTheRequestedNumberOfApplicantsAndGraduatesAndEveryoneIntoThePopulationFile() throws IOException {
		var summary = generate("run", 42);

		List<String[]> applicants = rows("run", CityScaleGenerator.APPLICANTS_FILE);
		long guardians = applicants.stream().filter(row -> !row[13].isEmpty()).count() + applicants.size();
		assertThat(applicants).hasSize(CHILDREN);
		assertThat(rows("run", CityScaleGenerator.GRADUATES_FILE)).hasSize(GRADUATES);
		assertThat(rows("run", CityScaleGenerator.POPULATION_FILE)).hasSize((int) (CHILDREN + guardians + GRADUATES));
		assertThat(summary.persons()).isEqualTo(CHILDREN + guardians + GRADUATES);
	}

	@Test
	void everyIdNumberIsValidUniqueAndAgreesWithSexAndBirthDate() throws IOException {
		generate("run", 42);

		Set<String> seen = new HashSet<>();
		for (String[] person : rows("run", CityScaleGenerator.POPULATION_FILE)) {
			IdCardNumber idNumber = IdCardNumber.parse(person[0]);
			assertThat(seen.add(idNumber.value())).as("issued once: %s", idNumber).isTrue();
			assertThat(person[2]).isEqualTo(idNumber.isMale() ? "MALE" : "FEMALE");
			assertThat(LocalDate.parse(person[3])).isEqualTo(idNumber.birthDate());
			assertThat(AdministrativeCodes.beijing().existsOrExisted(idNumber.addressCode())).isTrue();
		}
	}

	@Test
	void everyApplicantIsOfAgeForTheEntryYear() throws IOException {
		generate("run", 42);

		// R-P2, 2017: born 2010-09-01 to 2011-08-31
		assertThat(rows("run", CityScaleGenerator.APPLICANTS_FILE))
			.allSatisfy(child -> assertThat(LocalDate.parse(child[3])).isBetween(LocalDate.of(2010, 9, 1),
					LocalDate.of(2011, 8, 31)));
		assertThat(rows("run", CityScaleGenerator.GRADUATES_FILE))
			.allSatisfy(graduate -> assertThat(LocalDate.parse(graduate[4])).isBetween(LocalDate.of(2004, 9, 1),
					LocalDate.of(2005, 8, 31)));
	}

	@Test
	void applicantsLiveOnRealStreetsAndHaveGuardiansWithMobileNumbers() throws IOException {
		generate("run", 42);
		Set<String> streets = AdministrativeDivisions.beijing2023()
			.streets()
			.stream()
			.map(Street::code)
			.collect(Collectors.toSet());

		assertThat(rows("run", CityScaleGenerator.APPLICANTS_FILE)).allSatisfy(child -> {
			assertThat(streets).contains(child[6]);
			assertThat(child[7]).startsWith("北京市");
			assertThat(child[9]).isNotBlank();
			assertThat(child[10]).isIn("FATHER", "MOTHER");
			IdCardNumber.parse(child[11]);
			assertThat(child[12]).matches("1[3-9][0-9]{9}");
			assertThat(child[4]).isIn("BEIJING", "BEIJING_COLLECTIVE", "NON_LOCAL");
			assertThat(child[5].isEmpty()).isEqualTo(child[4].equals("NON_LOCAL"));
		});
	}

	@Test
	void graduatesAreWrittenInTheColumnsOfTheRegistryExport() throws IOException {
		generate("run", 42);

		// docs/registry.md
		assertThat(Files.readAllLines(directory.resolve("run").resolve(CityScaleGenerator.GRADUATES_FILE)).getFirst())
			.isEqualTo("教育ID,姓名,身份证号,性别,出生日期,毕业小学代码,班级,所在区代码,户籍区代码,监护人姓名,监护人手机");
		assertThat(rows("run", CityScaleGenerator.GRADUATES_FILE)).allSatisfy(graduate -> {
			IdCardNumber idNumber = IdCardNumber.parse(graduate[2]);
			assertThat(graduate[3]).isEqualTo(idNumber.isMale() ? "男" : "女");
			assertThat(graduate[6]).matches("六\\([1-6]\\)班");
			assertThat(graduate[8]).matches("(11[0-9]{4})?");
			assertThat(graduate[9]).isNotBlank();
			assertThat(graduate[10]).matches("1[3-9][0-9]{9}");
		});
	}

	@Test
	void graduatesAttendADemoPrimarySchoolOfTheirDistrict() throws IOException {
		generate("run", 42);
		var schools = DemoSchools.all()
			.stream()
			.filter(school -> school.level().takesPrimaryEntry())
			.collect(Collectors.toMap(School::code, School::districtCode));

		assertThat(rows("run", CityScaleGenerator.GRADUATES_FILE)).allSatisfy(graduate -> {
			assertThat(graduate[0]).isEqualTo("G" + graduate[2]);
			assertThat(schools).containsEntry(graduate[5], graduate[7]);
		});
	}

	@Test
	void theSameSeedWritesTheSameFilesAndAnotherSeedOthers() throws IOException {
		generate("first", 7);
		generate("second", 7);
		generate("other", 8);

		for (String file : List.of(CityScaleGenerator.APPLICANTS_FILE, CityScaleGenerator.GRADUATES_FILE,
				CityScaleGenerator.POPULATION_FILE)) {
			assertThat(directory.resolve("second").resolve(file))
				.hasSameBinaryContentAs(directory.resolve("first").resolve(file));
			assertThat(Files.readString(directory.resolve("other").resolve(file)))
				.isNotEqualTo(Files.readString(directory.resolve("first").resolve(file)));
		}
	}

	@Test
	void refusesAnUnknownOption() {
		assertThatThrownBy(() -> CityScaleGenerator.Options.parse("--kids", "10"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("--kids");
	}

	private CityScaleGenerator.Summary generate(String run, long seed) {
		return CityScaleGenerator.generate(CityScaleGenerator.Options.parse("--children", String.valueOf(CHILDREN),
				"--graduates", String.valueOf(GRADUATES), "--seed", String.valueOf(seed), "--out",
				directory.resolve(run).toString()));
	}

	/** The rows after the header, split into fields (the generator quotes no field). */
	private List<String[]> rows(String run, String file) throws IOException {
		List<String> lines = Files.readAllLines(directory.resolve(run).resolve(file), StandardCharsets.UTF_8);
		return lines.stream().skip(1).map(line -> line.split(",", -1)).toList();
	}

}
