package org.ruxue.app.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Public pages and lookups are open; staff consoles need the role. The API answers 401
 * instead of redirecting to the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain web(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/", "/help", "/login", "/error", "/error/**", "/webjars/**", "/css/**", "/js/**",
					"/favicon.ico")
			.permitAll()
			.requestMatchers("/api/v1/calendar/**", "/api/v1/openapi/**", "/swagger-ui/**", "/swagger-ui.html",
					"/zones/**", "/api/v1/zones/**")
			.permitAll()
			.requestMatchers("/actuator/health/**", "/actuator/prometheus")
			.permitAll()
			.requestMatchers("/admin/**", "/api/v1/admin/**")
			.hasRole(Role.CITY_ADMIN.name())
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/"))
			.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
					// sendError, so that the error page answers with a problem detail
					(request, response, denied) -> response.sendError(HttpStatus.UNAUTHORIZED.value()),
					PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt by default, and old hashes stay readable when the default changes
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(Accounts accounts) {
		return username -> accounts.byUsername(username)
			.map(a -> new SignedIn(a.username(), a.displayName(), a.role(), a.districtCode(), a.schoolCode(),
					a.passwordHash()))
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

}
