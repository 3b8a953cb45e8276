package org.ruxue.app;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A module's forms for the resubmission test (issue 12: the server answers a form sent
 * twice idempotently), each set up on demand in the module's own test world. A key is the
 * endpoint as the handler mapping names it ({@code POST /junior/report}), followed by a
 * space and a variant where one endpoint takes several decisions.
 */
public interface Resubmissions {

	Map<String, Supplier<Resubmission>> forms();

}
