package org.ruxue.app.portal;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * While PostgreSQL restarts or no connection is free in time, a request fails on its way
 * to the database. That is not a defect of the request: the visitor gets a 503 with
 * {@code Retry-After} and a message in their language instead of an incident page, and
 * since the transaction did not commit (or, if the commit's answer was lost, the form's
 * idempotency key makes the repeat count once) the family simply submits again (issue
 * 11).
 */
class DatabaseOutage extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	/** Seconds a client should wait: a restart of PostgreSQL takes a few. */
	static final int RETRY_AFTER = 5;

	private final MessageSource messages;

	private final LocaleResolver locales;

	DatabaseOutage(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!isOutage(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(),
					rootMessage(ex));
			response.reset();
			Locale locale = locales.resolveLocale(request);
			BusyAnswer.write(request, response, messages.getMessage("database.unavailable.title", null, locale),
					messages.getMessage("database.unavailable.detail", new Object[] { RETRY_AFTER }, locale),
					RETRY_AFTER, locale);
		}
	}

	/**
	 * Whether the failure is the database being out of reach: no connection in time, a
	 * connection refused or broken, or the server shutting down (SQLState class 08, and
	 * 57P01..57P03).
	 */
	static boolean isOutage(Throwable failure) {
		return isOutage(failure, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
	}

	/**
	 * Walks causes, suppressed exceptions and, when the rollback after a failure failed
	 * too, the failure that caused the rollback. A commit or rollback that failed without
	 * a server's SQLState ("Connection is closed" of the pool) counts too.
	 */
	private static boolean isOutage(Throwable t, java.util.Set<Throwable> seen) {
		if (t == null || !seen.add(t)) {
			return false;
		}
		if (t instanceof SQLTransientConnectionException || t instanceof java.net.ConnectException) {
			return true;
		}
		if (t instanceof SQLException sql && sql.getSQLState() != null) {
			String state = sql.getSQLState();
			if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
				return true;
			}
		}
		if (t instanceof TransactionSystemException failed && (isOutage(failed.getApplicationException(), seen)
				|| (failed.getCause() instanceof SQLException sql && sql.getSQLState() == null))) {
			// a commit or rollback that failed in the driver or the pool, not in the
			// server (which always gives a state): the connection is gone
			return true;
		}
		for (Throwable suppressed : t.getSuppressed()) {
			if (isOutage(suppressed, seen)) {
				return true;
			}
		}
		return isOutage(t.getCause(), seen);
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
