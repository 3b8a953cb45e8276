package org.ruxue.app.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Only in the test build: a page and an endpoint that fail the way a bug would. */
@Controller
class FailingForTest {

	static final String SECRET = "internal detail that must not leak";

	@GetMapping("/api/v1/test/failure")
	@ResponseBody
	String api() {
		throw new IllegalStateException(SECRET);
	}

	@GetMapping("/test/failure")
	String page() {
		throw new IllegalStateException(SECRET);
	}

}
