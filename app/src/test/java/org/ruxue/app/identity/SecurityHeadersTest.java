package org.ruxue.app.identity;

import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Pages, API answers and error answers carry the security headers, and the strict
 * Content-Security-Policy (issue 11).
 */
@IntegrationTest
class SecurityHeadersTest {

	private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

	@Autowired
	MockMvc mvc;

	@Test
	void aPageCarriesTheHeadersAndTheStrictPolicy() throws Exception {
		MockHttpServletResponse page = mvc.perform(get("/").accept("text/html")).andReturn().getResponse();

		assertThat(page.getStatus()).isEqualTo(200);
		assertSecurityHeaders(page);
	}

	@Test
	void anApiAnswerCarriesThemToo() throws Exception {
		MockHttpServletResponse api = mvc.perform(get("/api/v1/calendar").accept("application/json"))
			.andReturn()
			.getResponse();

		assertThat(api.getStatus()).isEqualTo(200);
		assertSecurityHeaders(api);
	}

	@Test
	void aRefusedRequestCarriesThemToo() throws Exception {
		MockHttpServletResponse refused = mvc.perform(get("/zones").param("q", "a\u0000b").accept("text/html"))
			.andReturn()
			.getResponse();

		assertThat(refused.getStatus()).isEqualTo(400);
		assertSecurityHeaders(refused);
	}

	@Test
	void strictTransportSecurityOnlyOverHttps() throws Exception {
		MockHttpServletResponse plain = mvc.perform(get("/")).andReturn().getResponse();
		MockHttpServletResponse secure = mvc.perform(get("/").secure(true)).andReturn().getResponse();

		assertThat(plain.getHeader("Strict-Transport-Security")).isNull();
		assertThat(secure.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
	}

	private static void assertSecurityHeaders(MockHttpServletResponse response) {
		assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(POLICY);
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(response.getHeader("Permissions-Policy")).contains("camera=()", "geolocation=()");
	}

}
