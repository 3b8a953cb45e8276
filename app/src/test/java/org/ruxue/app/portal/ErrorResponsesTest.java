package org.ruxue.app.portal;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.Visitor;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.identity.NewAccount;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.StaffAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors reach people as problem details or friendly pages, never as stack traces. */
@IntegrationTest
class ErrorResponsesTest {

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	private Visitor visitor;

	@BeforeEach
	void signedInStaff() {
		if (!accounts.exists("errors-officer")) {
			accounts.create(new NewAccount("errors-officer", "测试", Role.DISTRICT_OFFICER, "110108", null),
					"a long enough password", false, Actor.SYSTEM);
		}
		visitor = new Visitor(port);
		visitor.signIn("errors-officer", "a long enough password");
	}

	@Test
	void anApiFailureIsAProblemDetailWithAnIncidentAndNoTrace() {
		HttpResponse<String> response = visitor.get("/api/v1/test/failure", "application/json");

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":500", "\"incident\"", "\"title\"")
			.doesNotContain(FailingForTest.SECRET, "Exception", "at org.");
	}

	@Test
	void aPageFailureIsAFriendlyPageInChinese() {
		HttpResponse<String> response = visitor.page("/test/failure");

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("系统暂时出错", "返回首页")
			.doesNotContain(FailingForTest.SECRET, "Exception", "at org.");
	}

	@Test
	void anUnknownApiPathIsANotFoundProblem() {
		HttpResponse<String> response = visitor.get("/api/v1/no-such-thing", "application/json");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("\"status\":404");
	}

	@Test
	void anonymousApiCallsAreTold401AsAProblem() {
		HttpResponse<String> response = new Visitor(port).get("/api/v1/admin/audit/verification", "application/json");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"status\":401");
	}

	@Test
	void anUnknownPageIsAFriendlyNotFoundPage() {
		HttpResponse<String> response = visitor.page("/no-such-page?lang=en");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Page not found").doesNotContain("Whitelabel", "Exception");
	}

}
