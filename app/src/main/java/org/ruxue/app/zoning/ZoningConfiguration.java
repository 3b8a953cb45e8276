package org.ruxue.app.zoning;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ZoningConfiguration {

	@Bean
	AdministrativeCodes administrativeCodes() {
		return AdministrativeCodes.beijing();
	}

}
