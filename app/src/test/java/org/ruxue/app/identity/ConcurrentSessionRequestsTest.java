package org.ruxue.app.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many requests of one session at once, right after sign-in (several tabs opened at once,
 * a double click): each page stores the session's new CSRF token, and all of them are
 * answered, none with a 500 from two inserts of the same session attribute.
 */
@IntegrationTest
class ConcurrentSessionRequestsTest {

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Test
	void pagesOpenedAllAtOnceAfterSignInAreAllServed() throws Exception {
		String password = "concurrent session password";
		accounts.create(new NewAccount("cs-officer", "cs", Role.DISTRICT_OFFICER, "110101", null), password, false,
				Actor.SYSTEM);
		ExecutorService tabs = Executors.newFixedThreadPool(16);
		try {
			for (int round = 0; round < 3; round++) {
				HttpClient officer = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
				String login = get(officer, "/login").body();
				Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
				assertThat(csrf.find()).isTrue();
				// the sign-in's redirect is not followed: no page has stored the new
				// session's token yet when the tabs open
				HttpResponse<String> signedIn = officer.send(HttpRequest.newBuilder(uri("/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("username=cs-officer&password="
							+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(signedIn.statusCode()).isEqualTo(302);
				CountDownLatch together = new CountDownLatch(16);
				List<Future<HttpResponse<String>>> pages = new ArrayList<>();
				for (int i = 0; i < 16; i++) {
					pages.add(tabs.submit(() -> {
						together.countDown();
						together.await();
						return get(officer, "/account");
					}));
				}
				for (Future<HttpResponse<String>> page : pages) {
					assertThat(page.get().statusCode()).as("round %d", round).isEqualTo(200);
				}
			}
		}
		finally {
			tabs.shutdown();
		}
	}

	private HttpResponse<String> get(HttpClient client, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
