package org.ruxue.app;

import java.util.Arrays;

import org.ruxue.app.population.CityScaleGenerator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RuxueApplication {

	/**
	 * Starts the platform; {@code generate …} instead writes the city-scale synthetic
	 * population for benchmarks (docs/demo-data.md).
	 */
	public static void main(String[] args) {
		if (args.length > 0 && "generate".equals(args[0])) {
			CityScaleGenerator.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		SpringApplication.run(RuxueApplication.class, args);
	}

}
