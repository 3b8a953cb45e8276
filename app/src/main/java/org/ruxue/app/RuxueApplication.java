package org.ruxue.app;

import java.util.Arrays;

import org.ruxue.app.population.CityScaleGenerator;
import org.ruxue.app.population.PopulationCsvLoader;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RuxueApplication {

	/**
	 * Starts the platform; {@code generate …} instead writes the city-scale synthetic
	 * population for benchmarks (docs/demo-data.md), and {@code load-population FILE
	 * JDBC_URL} loads a register CSV for the local population adapter
	 * (docs/population.md).
	 */
	public static void main(String[] args) {
		if (args.length > 0 && "generate".equals(args[0])) {
			CityScaleGenerator.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		if (args.length > 0 && "load-population".equals(args[0])) {
			PopulationCsvLoader.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		SpringApplication.run(RuxueApplication.class, args);
	}

}
