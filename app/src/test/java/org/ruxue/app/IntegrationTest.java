package org.ruxue.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one application context of the test suite: the real application against real
 * PostgreSQL, resolved like production, in a fresh database of its own that is dropped
 * when the run ends. Every Spring test uses exactly this, so the context is built once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ruxue.database.ephemeral=true", "ruxue.clock.fixed=2017-05-10T09:00:00+08:00",
				// identity checks run when a test asks for them (IdentityChecks#checkDue)
				"ruxue.primary.identity-check-delay=1h" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface IntegrationTest {

}
