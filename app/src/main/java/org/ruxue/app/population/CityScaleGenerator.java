package org.ruxue.app.population;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.ruxue.app.calendar.YearRules;
import org.ruxue.app.zoning.AdministrativeCodes;
import org.ruxue.app.zoning.AdministrativeDivisions;
import org.ruxue.app.zoning.DemoSchools;

/**
 * Writes a city's worth of synthetic enrollment data for benchmarks (docs/demo-data.md):
 * the primary applicants with their guardians, the primary graduates as the student
 * registry exports them (docs/registry.md), and every one of them as population-register
 * rows, optionally loaded into a database by COPY. Runs without Spring; rows are written
 * as they are made, never held.
 */
public final class CityScaleGenerator {

	static final long DEFAULT_SEED = 20170508L;

	static final String APPLICANTS_FILE = "applicants.csv";

	static final String GRADUATES_FILE = "graduates.csv";

	static final String POPULATION_FILE = "population.csv";

	private CityScaleGenerator() {
	}

	/**
	 * {@code [--children N] [--graduates N] [--out DIR] [--seed N] [--entry-year YYYY]
	 * [--load JDBC_URL]}.
	 */
	public static void main(String[] args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(Options.USAGE);
			System.exit(2);
			return;
		}
		long start = System.nanoTime();
		Summary summary = generate(options);
		System.out.printf("Wrote %d applicants, %d graduates and %d register persons to %s in %s%n",
				summary.applicants(), summary.graduates(), summary.persons(), options.out().toAbsolutePath(),
				seconds(System.nanoTime() - start));
		if (options.load() != null) {
			long loadStart = System.nanoTime();
			long loaded = PopulationCsvLoader.load(options.out().resolve(POPULATION_FILE), options.load());
			System.out.printf("Loaded %d new persons into population_person (%d already there) in %s%n", loaded,
					summary.persons() - loaded, seconds(System.nanoTime() - loadStart));
		}
	}

	static Summary generate(Options options) {
		LocalDate ageCutoff = YearRules.defaultAgeCutoff(options.entryYear());
		var population = new SyntheticPopulation(options.seed(), IdNumberIssuer.forCityScale(),
				AdministrativeDivisions.beijing2023(), AdministrativeCodes.beijing(), DemoSchools.all());
		try {
			Files.createDirectories(options.out());
			try (CsvWriter applicants = csv(options.out().resolve(APPLICANTS_FILE));
					CsvWriter graduates = csv(options.out().resolve(GRADUATES_FILE));
					CsvWriter persons = csv(options.out().resolve(POPULATION_FILE))) {
				applicants.row("child_id_number", "child_name", "sex", "birth_date", "hukou_type",
						"hukou_district_code", "address_street_code", "address", "registration_district_code",
						"guardian1_name", "guardian1_relation", "guardian1_id_number", "guardian1_mobile",
						"guardian2_name", "guardian2_relation", "guardian2_id_number", "guardian2_mobile");
				graduates.row((Object[]) Graduate.EXPORT_HEADER);
				PopulationCsv.header(persons);
				BirthRange ofAge = BirthRange.ofAge(ageCutoff);
				for (int i = 0; i < options.children(); i++) {
					Applicant applicant = population.applicant(ofAge);
					writeApplicant(applicants, applicant);
					PopulationCsv.write(persons, applicant.child());
					applicant.parents().forEach(parent -> PopulationCsv.write(persons, parent.person()));
				}
				BirthRange graduating = BirthRange.graduating(ageCutoff);
				for (int i = 0; i < options.graduates(); i++) {
					Graduate graduate = population.graduate(graduating);
					graduates.row(graduate.exportRow());
					PopulationCsv.write(persons, graduate.person());
				}
				return new Summary(applicants.rows() - 1, graduates.rows() - 1, persons.rows() - 1);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write into " + options.out(), ex);
		}
	}

	private static void writeApplicant(CsvWriter csv, Applicant applicant) {
		Person child = applicant.child();
		List<Guardian> parents = applicant.parents();
		Guardian first = parents.get(0);
		Guardian second = (parents.size() > 1) ? parents.get(1) : null;
		csv.row(child.idNumber().value(), child.name(), child.sex(), child.birthDate(), child.hukouType(),
				child.hukouDistrictCode(), child.addressStreetCode(), child.address(),
				applicant.registrationDistrictCode(), first.person().name(), first.relation(),
				first.person().idNumber().value(), first.mobile(), (second != null) ? second.person().name() : null,
				(second != null) ? second.relation() : null,
				(second != null) ? second.person().idNumber().value() : null,
				(second != null) ? second.mobile() : null);
	}

	private static CsvWriter csv(Path file) throws IOException {
		return new CsvWriter(new BufferedWriter(
				new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16));
	}

	private static String seconds(long nanos) {
		return "%.1f s".formatted(Duration.ofNanos(nanos).toMillis() / 1000.0);
	}

	record Summary(long applicants, long graduates, long persons) {
	}

	record Options(int children, int graduates, Path out, long seed, int entryYear, String load) {

		static final String USAGE = "usage: generate [--children 200000] [--graduates 150000] [--out DIR] " + "[--seed "
				+ DEFAULT_SEED + "] [--entry-year 2017] [--load jdbc:postgresql://HOST:5432/DB?user=USER]";

		static Options parse(String... args) {
			int children = 200_000;
			int graduates = 150_000;
			Path out = Path.of("city-scale-data");
			long seed = DEFAULT_SEED;
			int entryYear = 2017;
			String load = null;
			for (int i = 0; i < args.length; i++) {
				String name = args[i];
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("Missing the value of " + name);
				}
				String value = args[++i];
				try {
					switch (name) {
						case "--children" -> children = Integer.parseInt(value);
						case "--graduates" -> graduates = Integer.parseInt(value);
						case "--out" -> out = Path.of(value);
						case "--seed" -> seed = Long.parseLong(value);
						case "--entry-year" -> entryYear = Integer.parseInt(value);
						case "--load" -> load = value;
						default -> throw new IllegalArgumentException("Unknown option " + name);
					}
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException(name + " needs a number, not " + value);
				}
			}
			if (children < 0 || graduates < 0) {
				throw new IllegalArgumentException("Counts cannot be negative");
			}
			return new Options(children, graduates, out, seed, entryYear, load);
		}

	}

}
