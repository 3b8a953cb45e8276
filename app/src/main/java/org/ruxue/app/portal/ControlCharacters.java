package org.ruxue.app.portal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose parameters carry control characters (NUL above all, which
 * PostgreSQL cannot store and answers with an error) before anything reads them: no form
 * or query of the platform has a use for them, and tab and line breaks, which a text area
 * may send, stay allowed. The visitor gets the bad-request page or problem in their
 * language.
 */
@Component
// after Spring Security's filters (-100), so that the refusal carries the security
// headers
@Order(0)
class ControlCharacters extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (carriesControlCharacters(request.getParameterMap())) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean carriesControlCharacters(Map<String, String[]> parameters) {
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (isControl(parameter.getKey())) {
				return true;
			}
			for (String value : parameter.getValue()) {
				if (isControl(value)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isControl(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
				return true;
			}
		}
		return false;
	}

}
