package org.ruxue.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RuxueApplication {

	public static void main(String[] args) {
		SpringApplication.run(RuxueApplication.class, args);
	}

}
