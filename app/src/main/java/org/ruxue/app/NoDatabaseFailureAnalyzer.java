package org.ruxue.app;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns "no database anywhere" into the one line an operator needs, instead of a stack
 * trace.
 */
class NoDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseLocator.NoDatabaseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseLocator.NoDatabaseException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"export DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/ruxue and start ruxue again.", cause);
	}

}
