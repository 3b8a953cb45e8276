package org.ruxue.app.portal;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What counts as the database being out of reach, and the answer the visitor gets then: a
 * 503 with Retry-After in their language, not an incident (issue 11). Other failures are
 * not its business.
 */
class DatabaseOutageTest {

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	DatabaseOutageTest() {
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
	}

	@Test
	void aRestartingServerARefusedConnectionAndAnExhaustedPoolAreOutages() {
		assertThat(DatabaseOutage.isOutage(new CannotCreateTransactionException("no connection",
				new SQLException("terminating connection due to administrator command", "57P01"))))
			.isTrue();
		assertThat(DatabaseOutage.isOutage(new CannotGetJdbcConnectionException("refused",
				new SQLException("Connection refused", "08001", new ConnectException("Connection refused")))))
			.isTrue();
		assertThat(DatabaseOutage.isOutage(new ServletException(new CannotGetJdbcConnectionException("timeout",
				new SQLTransientConnectionException("ruxue - Connection is not available")))))
			.isTrue();
		assertThat(DatabaseOutage.isOutage(new SQLException("the database system is starting up", "57P03"))).isTrue();
	}

	@Test
	void aConstraintViolationOrAnyOtherFailureIsNot() {
		assertThat(DatabaseOutage
			.isOutage(new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"))))
			.isFalse();
		assertThat(DatabaseOutage.isOutage(new IllegalStateException("a defect"))).isFalse();
		assertThat(DatabaseOutage.isOutage(new TransactionSystemException("JDBC commit failed",
				new SQLException("could not serialize access", "40001"))))
			.isFalse();
	}

	@Test
	void theVisitorIsAskedToSubmitAgainInTheirLanguage() throws Exception {
		DatabaseOutage outage = new DatabaseOutage(messages, new FixedLocaleResolver(Locale.ENGLISH));
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/primary/110101/register");
		request.addHeader("Accept", "text/html");
		MockHttpServletResponse response = new MockHttpServletResponse();

		outage.doFilter(request, response, (req, res) -> {
			throw new CannotCreateTransactionException("down", new SQLException("Connection refused", "08001"));
		});

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentAsString()).contains("lang=\"en\"", "submit it again", "counts once")
			.doesNotContain("Exception", "08001");
	}

	@Test
	void otherFailuresGoOnToTheErrorPage() {
		DatabaseOutage outage = new DatabaseOutage(messages, new FixedLocaleResolver(Locale.CHINESE));
		assertThatThrownBy(() -> outage.doFilter(new MockHttpServletRequest("GET", "/"), new MockHttpServletResponse(),
				(req, res) -> {
					throw new IllegalStateException("a defect");
				}))
			.isInstanceOf(IllegalStateException.class);
	}

}
