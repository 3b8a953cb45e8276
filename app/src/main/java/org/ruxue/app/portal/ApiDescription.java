package org.ruxue.app.portal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The heading of the OpenAPI description at /api/v1/openapi. */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

	@Bean
	OpenAPI ruxueApi() {
		return new OpenAPI().info(new Info().title("ruxue API")
			.version("v1")
			.description("City-wide compulsory-education enrollment (入学). Errors are RFC 9457 problem details."));
	}

}
