package org.ruxue.app.portal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

/**
 * {@link AdmissionControl} in front of everything else, sessions and security included,
 * so that a request it turns away costs no database round trip.
 */
@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration {

	@Bean
	FilterRegistrationBean<AdmissionControl> admissionControl(
			@Value("${ruxue.admission.concurrent-writes:20}") int concurrent,
			@Value("${ruxue.admission.waiting-places:500}") int waiting,
			@Value("${ruxue.admission.max-wait:3s}") Duration maxWait, MessageSource messages,
			LocaleResolver localeResolver) {
		FilterRegistrationBean<AdmissionControl> registration = new FilterRegistrationBean<>(
				new AdmissionControl(concurrent, waiting, maxWait, messages, localeResolver));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
