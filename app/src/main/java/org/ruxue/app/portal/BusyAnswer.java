package org.ruxue.app.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.util.HtmlUtils;

/**
 * The 503 answer with {@code Retry-After} of a node that cannot serve a request now: a
 * problem detail for the API and for clients that do not ask for HTML, a small page in
 * the visitor's language otherwise. Written without templates or the database, which may
 * be what is missing.
 */
final class BusyAnswer {

	private BusyAnswer() {
	}

	static void write(HttpServletRequest request, HttpServletResponse response, String title, String detail,
			int retryAfter, Locale locale) throws IOException {
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", Integer.toString(retryAfter));
		response.setHeader("Cache-Control", "no-store");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		String accept = String.valueOf(request.getHeader("Accept"));
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/") || !accept.contains("text/html")) {
			response.setContentType("application/problem+json");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"status\":503,\"title\":\"" + json(title) + "\",\"detail\":\""
						+ json(detail) + "\",\"retryAfterSeconds\":" + retryAfter + "}");
			return;
		}
		response.setContentType("text/html");
		String lang = locale.getLanguage().equals("en") ? "en" : "zh-CN";
		response.getWriter()
			.write("<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"UTF-8\">"
					+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
					+ HtmlUtils.htmlEscape(title) + "</title></head><body><main><h1>" + HtmlUtils.htmlEscape(title)
					+ "</h1><p id=\"busy\">" + HtmlUtils.htmlEscape(detail) + "</p></main></body></html>");
	}

	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
