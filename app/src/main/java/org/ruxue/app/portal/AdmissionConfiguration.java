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
 * {@link AdmissionControl} for writes and for reads in front of everything else, sessions
 * and security included, so that a request it turns away costs no database round trip;
 * then {@link DatabaseOutage}, before the session filter, which is the first to need the
 * database.
 */
@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration {

	@Bean
	FilterRegistrationBean<AdmissionControl> admissionControl(
			@Value("${ruxue.admission.concurrent-writes:20}") int concurrent,
			@Value("${ruxue.admission.waiting-places:500}") int waiting,
			@Value("${ruxue.admission.max-wait:3s}") Duration maxWait, MessageSource messages,
			LocaleResolver localeResolver) {
		return registration(new AdmissionControl(AdmissionControl.Traffic.WRITES, concurrent, waiting, maxWait,
				messages, localeResolver), 40);
	}

	@Bean
	FilterRegistrationBean<AdmissionControl> readAdmissionControl(
			@Value("${ruxue.admission.concurrent-reads:64}") int concurrent,
			@Value("${ruxue.admission.waiting-reads:2000}") int waiting,
			@Value("${ruxue.admission.max-wait-reads:3s}") Duration maxWait, MessageSource messages,
			LocaleResolver localeResolver) {
		return registration(new AdmissionControl(AdmissionControl.Traffic.READS, concurrent, waiting, maxWait, messages,
				localeResolver), 41);
	}

	@Bean
	FilterRegistrationBean<DatabaseOutage> databaseOutage(MessageSource messages, LocaleResolver localeResolver) {
		return registration(new DatabaseOutage(messages, localeResolver), 42);
	}

	private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> registration(F filter, int order) {
		FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + order);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
