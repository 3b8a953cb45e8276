package org.ruxue.app.identity;

import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Repeated failures delay and then lock an account, whether or not it exists, with the
 * same answer throughout (the clock stands still in tests, so a delay never runs out).
 */
@IntegrationTest
class SignInLimitsTest {

	static final String PASSWORD = "sign in limits password";

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	AttemptLimits limits;

	@Test
	void afterThreeFailuresEvenTheRightPasswordWaitsAndTheAnswerIsTheSame() throws Exception {
		accounts.create(new NewAccount("sl-officer", "sl", Role.DISTRICT_OFFICER, "110101", null), PASSWORD, false,
				Actor.SYSTEM);
		for (int i = 0; i < 4; i++) {
			signIn("sl-officer", "wrong password number " + i, "10.1.0.1").andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("登录信息不正确")));
		}

		signIn("sl-officer", PASSWORD, "10.1.0.2").andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("登录信息不正确")));
	}

	@Test
	void theRightPasswordWithinTheFreeFailuresSignsIn() throws Exception {
		accounts.create(new NewAccount("sl-typo", "sl", Role.DISTRICT_OFFICER, "110101", null), PASSWORD, false,
				Actor.SYSTEM);
		signIn("sl-typo", "a typo in the password", "10.1.0.3");
		signIn("sl-typo", "another typo in it", "10.1.0.3");

		signIn("sl-typo", PASSWORD, "10.1.0.3").andExpect(redirectedUrl("/"));
	}

	@Test
	void anAddressWithTooManyFailuresIsRefusedBeforeAnyPasswordIsChecked() throws Exception {
		accounts.create(new NewAccount("sl-shared", "sl", Role.DISTRICT_OFFICER, "110101", null), PASSWORD, false,
				Actor.SYSTEM);
		for (int i = 0; i < 200; i++) {
			limits.hit("signin-ip:10.1.0.9", java.time.Duration.ofHours(1),
					java.time.Instant.parse("2017-05-10T01:00:00Z"));
		}

		signIn("sl-shared", PASSWORD, "10.1.0.9")
			.andExpect(content().string(org.hamcrest.Matchers.containsString("登录信息不正确")));
		signIn("sl-shared", PASSWORD, "10.1.0.10").andExpect(redirectedUrl("/"));
	}

	@Test
	void guessesSentAllAtOnceAreCountedBeforeAnyIsChecked() throws Exception {
		accounts.create(new NewAccount("sl-parallel", "sl", Role.DISTRICT_OFFICER, "110101", null), PASSWORD, false,
				Actor.SYSTEM);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
		java.util.List<java.util.concurrent.Future<?>> guesses = new java.util.ArrayList<>();
		java.util.concurrent.CountDownLatch together = new java.util.concurrent.CountDownLatch(12);
		for (int i = 0; i < 12; i++) {
			String guess = "parallel guess number " + i;
			guesses.add(pool.submit(() -> {
				together.countDown();
				together.await();
				return signIn("sl-parallel", guess, "10.1.0.20");
			}));
		}
		for (java.util.concurrent.Future<?> guess : guesses) {
			guess.get();
		}
		pool.shutdown();

		// ten failures lock the account: the right password no longer helps
		signIn("sl-parallel", PASSWORD, "10.1.0.21")
			.andExpect(content().string(org.hamcrest.Matchers.containsString("登录信息不正确")));
	}

	private org.springframework.test.web.servlet.ResultActions signIn(String username, String password, String ip)
			throws Exception {
		return mvc.perform(
				post("/login").param("username", username).param("password", password).with(csrf()).with(from(ip)));
	}

	private static RequestPostProcessor from(String ip) {
		return request -> {
			request.setRemoteAddr(ip);
			return request;
		};
	}

}
