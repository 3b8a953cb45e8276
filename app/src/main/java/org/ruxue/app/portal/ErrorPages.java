package org.ruxue.app.portal;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error the servlet container sees ends here: a problem detail for the API, a
 * friendly page in the visitor's language for the web. Neither ever carries a stack trace
 * or exception text.
 */
@Controller
class ErrorPages implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

	private static final String INCIDENT = ErrorPages.class.getName() + ".incident";

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@RequestMapping("/error")
	String page(HttpServletRequest request, HttpServletResponse response, Model model) {
		HttpStatus status = status(request);
		request.setAttribute(INCIDENT, incident(request, status));
		if (isApi(request)) {
			return "forward:/error/problem";
		}
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		model.addAttribute("kind", kind(status));
		model.addAttribute("incident", request.getAttribute(INCIDENT));
		return "error";
	}

	@RequestMapping("/error/problem")
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request, Locale locale) {
		HttpStatus status = status(request);
		String kind = kind(status);
		Object incident = request.getAttribute(INCIDENT);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(messages.getMessage("error." + kind + ".title", null, locale));
		problem.setDetail(messages.getMessage("error." + kind + ".detail", new Object[] { incident }, locale));
		if (incident != null) {
			problem.setProperty("incident", incident);
		}
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			problem.setInstance(java.net.URI.create(uri.toString().replaceAll("[^A-Za-z0-9/_.~-]", "")));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * Server errors get an id the visitor can quote; the log line carries the same id and
	 * the cause.
	 */
	private static String incident(HttpServletRequest request, HttpStatus status) {
		if (!status.is5xxServerError()) {
			return null;
		}
		String incident = UUID.randomUUID().toString().substring(0, 8);
		Object cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		log.error("Server error {} on {}, incident {}", status.value(),
				request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), incident,
				(cause instanceof Throwable t) ? t : null);
		return incident;
	}

	private static boolean isApi(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri != null && uri.toString().startsWith("/api/");
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code == null) {
			// someone asked for /error itself: there is no such page, and no incident to
			// log
			return HttpStatus.NOT_FOUND;
		}
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static String kind(HttpStatus status) {
		return switch (status.value()) {
			case 400 -> "bad-request";
			case 401 -> "unauthorized";
			case 403 -> "forbidden";
			case 404, 405 -> "not-found";
			default -> status.is4xxClientError() ? "bad-request" : "unexpected";
		};
	}

}
