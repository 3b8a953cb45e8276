package org.ruxue.app.identity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Public pages and lookups are open; consoles need their role; which records a signed-in
 * account may see is {@link AccessPolicy}'s to decide. Sign-in is
 * {@link SignInController}'s (staff and families, with the limits of {@link SignIns}).
 * The API answers 401 instead of redirecting to the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = ContentSecurityPolicies.STRICT;

	/** Nothing on the platform needs a device's sensors or payment. */
	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	@Bean
	SecurityFilterChain web(HttpSecurity http, SecurityContextRepository contexts) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/", "/help", "/login", "/login/**", "/family/activate/**", "/family/reset/**", "/error",
					"/error/**", "/webjars/**", "/css/**", "/js/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/api/v1/calendar/**", "/api/v1/openapi/**", "/swagger-ui/**", "/swagger-ui.html",
					"/zones/**", "/api/v1/zones/**")
			.permitAll()
			// the high-school opportunity query (R-G1) is open; its import is under
			// /admin
			.requestMatchers("/high-school-opportunities", "/high-school-opportunities/**",
					"/api/v1/high-school-opportunities", "/api/v1/high-school-opportunities/**")
			.permitAll()
			// the published draws (R-G8): their open statistics and their public
			// verification are anyone's; nothing under /lottery is answered before a
			// draw's publication
			.requestMatchers("/lottery", "/lottery/**")
			.permitAll()
			.requestMatchers("/actuator/health/**", "/actuator/prometheus")
			.permitAll()
			// the log gateway's page of texts, for testers without a phone; it exists
			// outside prod only
			.requestMatchers("/dev/sms")
			.permitAll()
			.requestMatchers("/admin/**", "/api/v1/admin/**")
			.hasRole(Role.CITY_ADMIN.name())
			.requestMatchers("/staff/**", "/district/**")
			.hasAnyRole(Role.CITY_ADMIN.name(), Role.DISTRICT_OFFICER.name())
			// primary entry: the entrance is public, registering is the family's
			.requestMatchers("/primary")
			.permitAll()
			.requestMatchers("/primary/**")
			.hasRole(Role.PARENT.name())
			// study permits (R-P15): the entrance is public, applying is the family's
			.requestMatchers("/permits")
			.permitAll()
			.requestMatchers("/permits/**")
			.hasRole(Role.PARENT.name())
			// junior entry (R-J2, R-J3, R-G9): the family's own student
			.requestMatchers("/junior", "/junior/**")
			.hasRole(Role.PARENT.name())
			.requestMatchers("/school/**")
			.hasRole(Role.SCHOOL_STAFF.name())
			.anyRequest()
			.authenticated())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.contentTypeOptions(Customizer.withDefaults())
				.frameOptions(frames -> frames.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
				// sent on HTTPS only (a browser ignores it on plain HTTP)
				.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
			.securityContext(context -> context.securityContextRepository(contexts))
			// the session id changes at sign-in (fixation); SignInController does it too
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.logout(logout -> logout.logoutSuccessUrl("/"))
			.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
					// sendError, so that the error page answers with a problem detail
					(request, response, denied) -> response.sendError(HttpStatus.UNAUTHORIZED.value()),
					PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						AnyRequestMatcher.INSTANCE));
		return http.build();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new HttpSessionSecurityContextRepository());
	}

	/** The session cookie: not readable by scripts, not sent on cross-site posts. */
	@Bean
	CookieSerializer cookieSerializer(SecurityProperties properties) {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName("SESSION");
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		cookie.setUseSecureCookie(properties.secureCookies());
		return cookie;
	}

	/**
	 * Two requests of one session at once (two tabs, a double click, htmx polling) that
	 * both add an attribute would otherwise both insert it, and the second would fail on
	 * the attribute's primary key with a 500: PostgreSQL's upsert stores it once.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt by default, and old hashes stay readable when the default changes
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Spring Security's own look-ups (remember-me, tests); sign-in itself is SignIns'.
	 */
	@Bean
	UserDetailsService userDetailsService(Accounts accounts) {
		return username -> accounts.byUsername(username)
			.map(Accounts.StoredAccount::signedIn)
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

}
