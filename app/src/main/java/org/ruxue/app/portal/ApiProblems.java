package org.ruxue.app.portal;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for the API: Spring's own exceptions keep their status,
 * anything unexpected becomes a 500 with a message a person can act on and an id to
 * quote, never a stack trace.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(100)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badInput(IllegalArgumentException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle(messages.getMessage("error.bad-request.title", null, locale));
		return problem;
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex, Locale locale, jakarta.servlet.http.HttpServletResponse response) {
		if (DatabaseOutage.isOutage(ex)) {
			log.warn("Database unavailable: {}", ex.getMessage());
			response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER));
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, messages
				.getMessage("database.unavailable.detail", new Object[] { DatabaseOutage.RETRY_AFTER }, locale));
			problem.setTitle(messages.getMessage("database.unavailable.title", null, locale));
			problem.setProperty("retryAfterSeconds", DatabaseOutage.RETRY_AFTER);
			return problem;
		}
		String incident = java.util.UUID.randomUUID().toString().substring(0, 8);
		log.error("Unexpected error, incident {}", incident, ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				messages.getMessage("error.unexpected.detail", new Object[] { incident }, locale));
		problem.setTitle(messages.getMessage("error.unexpected.title", null, locale));
		problem.setProperty("incident", incident);
		return problem;
	}

}
